"""A take-home link reveals nothing of a person's answers without the server's key."""

import base64
import binascii
import json
import re
import zlib

import pytest
import segno

from decisionaid.kiosk.takehome import dictionary, make_token, read_token

# A person's choices at their fullest: every step answered.
FULL_ANSWERS = {
    "situation": {
        "diagnosed": "not_sure",
        "duration": "over_5",
        "tried": ["minoxidil-topical", "finasteride-oral"],
        "warning_signs": ["patchy", "other_symptoms"],
        "sex": "prefer_not",
        "pregnancy": "yes",
        "age": "40_to_64",
        "heart_medicines": "not_sure",
    },
    "costs": {"price_per_session": "437.25", "first_course_sessions": 9, "maintenance_per_year": 5},
    "values": {"ratings": {"avoid-needles": 5, "strong-evidence": 4, "low-cost": 2}},
    "understanding": {"responses": {"quiz-approval": "true", "quiz-largest-study": "false"}},
    "questions": {"selected": ["q-evidence-placebo", "q-safety-who-to-call"]},
    "sure": {
        "sure": "no",
        "understand": "yes",
        "risks_benefits": "no",
        "support": "yes",
        "leaning": "oral-minoxidil",
        "helps": ["more_information", "talk_doctor", "talk_family", "time"],
    },
}
SECRETS = [
    "not_sure",
    "over_5",
    "minoxidil-topical",
    "finasteride-oral",
    "patchy",
    "other_symptoms",
    "437.25",
    "avoid-needles",
    "strong-evidence",
    "quiz-approval",
    "q-evidence-placebo",
    "q-safety-who-to-call",
    "risks_benefits",
    "situation",
    "ratings",
    "heart_medicines",
    "oral-minoxidil",
    "talk_family",
]


def every_decoding(token: str) -> list[bytes]:
    """Whatever an onlooker could get from the token without the key: each part and the whole,
    base64-decoded from every offset, and inflated wherever that works."""
    parts = {token, *re.split(r"[^A-Za-z0-9_-]", token)}
    decoded: list[bytes] = []
    for part in parts:
        for start in range(4):
            chunk = part[start:]
            chunk += "=" * (-len(chunk) % 4)
            for decode in (base64.urlsafe_b64decode, base64.b64decode):
                try:
                    decoded.append(decode(chunk))
                except (binascii.Error, ValueError):
                    continue
    inflated = []
    for blob in decoded:
        for offset in range(len(blob)):
            for zdict in (b"", dictionary(1)):
                try:
                    inflater = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
                    inflated.append(inflater.decompress(blob[offset:]))
                except zlib.error:
                    continue
            try:
                inflated.append(zlib.decompress(blob[offset:], -15))
            except zlib.error:
                pass
    return [token.encode(), *decoded, *inflated]


def holds_json_object(blob: bytes) -> bool:
    """Whether the bytes, or all but a leading version byte, are a JSON object of answers.

    (Random bytes often hold a "{" somewhere; only a whole object gives answers away.)"""
    for start in (0, 1):
        try:
            if isinstance(json.loads(blob[start:]), dict):
                return True
        except (ValueError, UnicodeDecodeError):
            continue
    return False


def test_no_answer_can_be_read_from_a_take_home_token_without_the_key():
    assert holds_json_object(b'{"situation": {}}') and holds_json_object(b'\x80{"a": 1}')
    token = make_token(FULL_ANSWERS)
    assert read_token(token)["situation"]["duration"] == "over_5"
    for blob in every_decoding(token):
        for secret in SECRETS:
            assert secret.encode() not in blob, secret
        assert not holds_json_object(blob)


def test_the_same_answers_give_a_different_token_each_time():
    assert make_token(FULL_ANSWERS) != make_token(FULL_ANSWERS)


@pytest.mark.parametrize("answers", [FULL_ANSWERS, {}])
def test_a_take_home_link_still_fits_a_qr_code_a_phone_reads_at_arm_length(answers):
    link = "https://decisionaid.example.org/resume/" + make_token(answers) + "/"
    # Version 20 (97 x 97 modules) at medium error correction, drawn at 4 px a module on the
    # kiosk screen, is what the old signed link needed; the encrypted one must not be larger.
    assert segno.make(link, error="m").version <= 20, len(link)


def test_the_take_home_dictionary_is_the_one_tokens_were_made_with():
    # Tokens in the wild were compressed with this exact dictionary; changing it breaks them.
    text = dictionary(1)
    assert (len(text), zlib.crc32(text)) == (1573, 2962585856)


def test_the_personal_fit_and_leaning_answers_come_back_from_a_take_home_link():
    restored = read_token(make_token(FULL_ANSWERS))
    assert restored["situation"] == FULL_ANSWERS["situation"]
    assert restored["sure"] == FULL_ANSWERS["sure"]
