"""The knowledge base: entries read from knowledge/*.yaml, validated, ready to match."""
