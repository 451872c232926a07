"""Server-drawn SVG pictures (icon arrays, bars): plain strings, so they print and go in the PDF."""
