"""The consultation checklist: a printable page and the same page as a PDF."""
