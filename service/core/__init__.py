"""The tutor's core: reading a message, matching it, reading calculations, dialogue, practice."""
