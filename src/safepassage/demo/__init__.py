"""Demo data: fictional organisations, staff in every role, cases in every stage.

Everything here is invented. Names of persons are made up from common Russian and
Ukrainian name parts; no real case is described.
"""
