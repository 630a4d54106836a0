"""Incident Log: an encrypted, tamper-evident logbook for crisis-negotiation cells."""

__version__ = "0.1.0"
