"""The web shell: layout, navigation per role, language switch, security headers, errors."""
