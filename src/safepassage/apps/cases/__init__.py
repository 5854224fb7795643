"""Cases: pseudonymous references, stage, organisation and assignment."""
