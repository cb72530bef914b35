"""HTTP blueprints, one module per area; each view loads a schema, calls one function, returns."""
