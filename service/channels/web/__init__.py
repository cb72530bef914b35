"""The web widget's door: its routes, allowed origins and the HTML rendering of replies."""
