"""Safety: check-ins for people in hiding, the host-country risk register, attention.

Nothing in this app ever contacts the person: check-ins are recorded by a caseworker
after contact through the agreed safe channel, and every alert goes to staff only,
inside the application (no e-mail, no SMS).
"""
