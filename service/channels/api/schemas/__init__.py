"""Marshmallow schemas at the HTTP edge: one per request body and per response."""
