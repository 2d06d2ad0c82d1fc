"""Leverage: a private terminal journal for negotiating with your employer."""

__version__ = "0.1.0"
