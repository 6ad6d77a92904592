"""Statsig in Apache Superset: a DB-API client of ``statsig-sql serve``, a SQLAlchemy dialect, an engine spec."""

__version__ = "0.1.0"
