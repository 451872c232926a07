"""The English-sentence detector the Spanish walks rely on: it finds English, and only English."""

from language import english_in_html, english_sentences, is_english


def test_an_english_sentence_is_found():
    assert is_english("Ask the clinic what is in the syringe before you agree to it.")


def test_a_spanish_sentence_is_not_taken_for_english():
    assert not is_english("Pregunte en la clínica qué lleva la jeringa antes de aceptar.")
    assert not is_english("La mesoterapia capilar no tiene evidencia de alta calidad.")


def test_names_and_short_labels_are_not_sentences_to_judge():
    for text in ("Minoxidil", "Finasterida oral", "USD 2 400", "Dutasteride", "PDF (A4)"):
        assert not is_english(text)


def test_text_marked_english_and_source_titles_are_left_out():
    html = """<html lang="es"><body>
      <a href="/language/en/" lang="en">English</a>
      <p>Las fuentes conservan su título original:
        <cite>Topical minoxidil for the treatment of hair loss: a review of the evidence</cite>.</p>
      <p lang="en">This sentence is marked as English on purpose.</p>
      <script>var notText = "this is not visible to anyone at all";</script>
    </body></html>"""
    assert english_in_html(html) == []


def test_english_left_in_a_spanish_page_is_reported_by_sentence():
    html = """<html lang="es"><body><main>
      <h1>Riesgos</h1>
      <p>Los efectos secundarios son frecuentes. Ask them to stop if they cannot tell you.</p>
      <button>Save and go to the next step</button>
    </main></body></html>"""
    assert english_in_html(html) == [
        "Ask them to stop if they cannot tell you.",
        "Save and go to the next step",
    ]


def test_english_sentences_checks_every_block():
    assert english_sentences(["Uno. Dos.", "What is it and how does it work?"]) == [
        "What is it and how does it work?"
    ]


def test_web_addresses_are_not_sentences():
    address = "https://example.org/does-it-work-for-hair-loss-and-what-is-it"
    html = f'<html lang="es"><p>{address}</p></html>'
    assert english_in_html(html) == []


def test_a_quoted_source_title_is_left_out_but_other_english_is_not():
    title = "what is mesotherapy and how is it used for hair loss a critical examination"
    quoted = (
        'El primero se llama "What Is Mesotherapy, and How Is It Used for Hair Loss? '
        'A Critical Examination".'
    )
    english = "This one is still in English, and it has to go."
    html = f'<html lang="es"><p>{quoted}</p><p>{english}</p></html>'
    assert english_in_html(html, [title]) == [english]
    assert english_in_html(html) != english_in_html(html, [title])
