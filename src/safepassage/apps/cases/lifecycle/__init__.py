"""A case's way from intake to protection: stages, guarded moves, assignment, vetting
sign-offs, and the destination's procedure events with their legal deadlines."""
