"""Field-test mode: an optional, anonymous questionnaire after the guide, and a staff report."""
