"""The contract's one error shape, as a schema: what every non-2xx answer looks like.

Only documentation: service/channels/api/errors.py builds the payload (`error_body`); this schema is
what `/openapi.json` declares for every error response, so that clients and schemathesis
(tests/channels/api/test_schemathesis.py) check answers against the shape we actually send, not
flask-smorest's default `{"code", "status", "message", "errors"}`.
"""

from marshmallow import Schema, fields


class ErrorDetailSchema(Schema):
    code = fields.String(required=True, metadata={
        "description": "Machine-readable, e.g. `validation_error`, `not_found`."})
    message = fields.String(required=True, metadata={"description": "For a person."})
    # "fields" would shadow Schema.fields, hence the attribute name
    problems = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                           data_key="fields", metadata={
        "description": "Only when fields are at fault: each field's problems."})


class ErrorResponseSchema(Schema):
    error = fields.Nested(ErrorDetailSchema, required=True)
