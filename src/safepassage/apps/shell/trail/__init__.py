"""Pages of the audit trail: the organisation's entries, and verification of the chain."""
