"""Pages of the accounts platform app: sign-in and enrolment, one's own account and
tokens, and a coordinator's management of the organisation's members."""
