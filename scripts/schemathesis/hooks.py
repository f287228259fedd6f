"""Schemathesis hooks of the contract tests (scripts/schemathesis.sh, schemathesis.toml)."""

import re
import uuid
from datetime import datetime, timedelta, timezone

import jsonschema_rs
import schemathesis

IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    """Every call gets a fresh Idempotency-Key when the generated one is well formed, and a
    body of its operation's grammar (below) where the operation takes one.

    Schemathesis draws keys from the header's schema and its example, so different bodies
    would share a key, which the API rightly answers 422 idempotency-key-reused. A replay of
    one key is proven by the gateway's own tests; here each request stands for itself. A key
    that is malformed stays, so its 400 is still checked.
    """
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and IDEMPOTENCY_KEY.match(value):
            headers[name] = str(uuid.uuid4())
    # Negative cases keep what was drawn: its refusal is checked.
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if positive and case.media_type in GRAMMAR_MEDIA_TYPES:
        case.body = _as_grammar(case.path, case.body)


# Bodies that are documents of their own grammar, which JSON Schema cannot state: drawn text
# becomes a document of that grammar, so the call reaches the parser and the service behind.
# POST /v1/interactions/mail takes a raw RFC 5322 message (message/rfc822, for which
# schemathesis has no serializer): the text of a message from the seeded person to the seeded
# organization. The CSV imports take a header row the importer knows: the text is one row's
# first name. The mail and import e2e tests cover the grammars themselves (docs/api.md).
schemathesis.serializer.alias("message/rfc822", "application/octet-stream")


GRAMMAR_MEDIA_TYPES = ("message/rfc822", "text/csv", "application/csv")


def _text_of(body):
    if isinstance(body, bytes):
        return body.decode("utf-8", errors="replace")
    return body if isinstance(body, str) else None


def _as_grammar(path, body):
    """The drawn body as a document of the grammar the operation takes (or as it is); text,
    as drawn, so schemathesis still judges the case by the same schema (a string)."""
    text = _text_of(body)
    if text is None:
        return body
    if path == "/v1/interactions/mail":
        return (
            "From: Ada Contract <ada.contract@example.org>\r\n"
            "To: Contract Works <office@contract.example.org>\r\n"
            "Subject: Contract test\r\n"
            "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
            f"Message-ID: <{uuid.uuid4()}@contract.example.org>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            f"{text.replace(chr(13), '')}\r\n"
        )
    if path.startswith("/v1/imports/"):
        cell = text.replace('"', '""')
        return f'firstName,lastName,email\r\n"{cell}",Contract,\r\n'
    return body


# Refusals the API document cannot state. positive_data_acceptance (ST202) fails a request the
# document calls valid that is answered 400. Each rule below explains one field error of such
# an answer: a rule no JSON Schema can carry, and only when the request really breaks it. A
# failure is dropped when every field error of its answer is explained; any other 400 to a
# schema-valid request still fails the run.

def _field_errors(response):
    try:
        body = response.json()
    except Exception:
        return None
    if not isinstance(body, dict) or body.get("status") != 400 or not body.get("errors"):
        return None
    return body["errors"]


def _body(case):
    return case.body if isinstance(case.body, dict) else {}


def _cursor_not_issued(case, field, message):
    """Only a nextCursor the API issued is a cursor; the document can give its alphabet only."""
    return field == "cursor" and bool((case.query or {}).get("cursor"))


def _tenant_custom_fields(case, field, message):
    """Custom field keys, and which are required, are the tenant's definitions
    (GET /v1/custom-fields), not the document's."""
    return field.startswith("customFields.") and message in (
        "is not a custom field of this record type",
        "is required",
    )


def _unknown_relationship_type(case, field, message):
    """Relationship type codes are the tenant's (GET /v1/relationship-types)."""
    return field == "typeCode" and message.startswith("no relationship type ")


def _related_to_itself(case, field, message):
    body = _body(case)
    return field == "contactBId" and "itself" in message and body.get("contactAId") == body.get("contactBId")


# The custom field definition rules between values: min <= max, a pattern that compiles and
# does not nest quantifiers, distinct option values, maxSelected within the options; and on a
# PATCH the stored type, which decides the rules that apply.
_DEFINITION_RULES = (
    "must not exceed",
    "must not be after max",
    "is not a valid regular expression",
    "must not nest quantifiers",
    "must not use back-references",
    "is already an option",
    "to the number of options",
    "does not apply to",
    "only selects have options",
    "a select needs",
)


def _definition_rule(case, field, message):
    return case.path.startswith("/v1/custom-fields") and any(rule in message for rule in _DEFINITION_RULES)


def _listed_twice(case, field, message):
    """Emails and phones are compared normalized (case, spacing, punctuation), a gift's soft
    credits by contact: uniqueItems compares whole items."""
    return message in ("is listed twice", "is soft-credited twice on this gift")


def _dates_out_of_order(case, field, message):
    """A seasonal address' validTo on or after its validFrom, a death on or after the birth, a
    relationship's end on or after its start: no schema compares two dates. (A PATCH that sends
    an endDate alone is compared with the stored startDate, which the request does not show.)"""
    body = _body(case)
    relationship_end = (
        field == "endDate"
        and message == "must be on or after startDate"
        and isinstance(body.get("endDate"), str)
        and (
            (isinstance(body.get("startDate"), str) and body["endDate"] < body["startDate"])
            or (case.method.upper() == "PATCH" and "startDate" not in body)
        )
    )
    return (
        (field.endswith(".validTo") and message == "must not be before validFrom")
        or (field == "deceasedDate" and message == "must not be before birthDate")
        or relationship_end
    )


def _threshold_unreachable(case, field, message):
    """A matching threshold within the sum of the rules' weights: a sum no schema takes."""
    return field == "threshold" and message.startswith("can never be reached")


def _column_not_in_file(case, field, message):
    """A `map` entry names a column of the uploaded CSV's header row."""
    return field == "map" and message.startswith("the file has no column")


def _time_outside_years(case, field, message):
    """Interaction times are written in the years 1900..2199 (said in the description)."""
    value = {**(case.query or {}), **_body(case)}.get(field)
    return (
        field in ("occurredAt", "from", "to")
        and isinstance(value, str)
        and not re.match(r"^(19|2[01])\d\d-", value)
    )


def _in_the_future(case, field, message):
    """A gift's receivedAt, a consent's capturedAt, a birth date may not lie in the future: the
    clock's rule, not the document's. The value sent must be near now or later."""
    value = _body(case).get(field)
    # A day of slack for time zones; the ISO-8601 text of a date or time orders by its day.
    recent = (datetime.now(timezone.utc) - timedelta(days=1)).date().isoformat()
    return message == "must not be in the future" and isinstance(value, str) and value[:10] >= recent


def _if_match_off_schema(case, field, message):
    """Schemathesis reuses values seen in responses (a `version` of 0) for If-Match without
    checking them against the header's pattern: such a request is not the document's."""
    sent = next((v for k, v in (case.headers or {}).items() if k.lower() == "if-match"), None)
    return (
        field == "If-Match"
        and isinstance(sent, str)
        and not re.match(r'^"(0|[1-9]\d{0,14})"$', sent.strip())
    )


def _type_without_interactions(case, field, message):
    """A timeline's `type` narrows interactions, so a `kind` list without interaction leaves it
    nothing to narrow (400): a rule between two query parameters, which OpenAPI lists apart."""
    query = case.query or {}
    kinds = str(query.get("kind", "")).split(",")
    return field == "type" and bool(query.get("type")) and "interaction" not in [k.strip() for k in kinds]


def _value_at(case, field):
    """The body's value at an errors[] path such as `addresses[2].postalCode`, or None."""
    value = case.body
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field):
        if index:
            value = value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
        else:
            value = value.get(name) if isinstance(value, dict) else None
    return value


def _utf16_length(case, field, message):
    """The services count a length in UTF-16 units, as JavaScript does (most emoji are two);
    JSON Schema's maxLength counts characters. A text within maxLength is refused when its
    UTF-16 length passes it: checked here on the value sent."""
    limit = re.search(r"<=(\d+) characters \(most emoji count as two\)", message)
    value = _value_at(case, field)
    if not limit or not isinstance(value, str):
        return False
    units = len(value.strip().encode("utf-16-le")) // 2
    return len(value) <= int(limit.group(1)) < units


EXPECTED_REFUSALS = (
    _cursor_not_issued,
    _tenant_custom_fields,
    _unknown_relationship_type,
    _related_to_itself,
    _definition_rule,
    _listed_twice,
    _dates_out_of_order,
    _threshold_unreachable,
    _column_not_in_file,
    _time_outside_years,
    _in_the_future,
    _if_match_off_schema,
    _type_without_interactions,
    _utf16_length,
)


def _explained(case, error):
    field, message = error.get("field", ""), error.get("message", "")
    return any(rule(case, field, message) for rule in EXPECTED_REFUSALS)


_BODY_VALIDATORS = {}


def _body_off_document(case):
    """True when the JSON body sent is not valid under the operation's documented body schema.

    ST202 is a claim that the document called the request valid. Schemathesis fills fields with
    values captured from earlier requests and responses (its resource pool and links) without
    checking them against the target's schema, so a "positive" case can carry, say, a custom
    field text with control characters, which TEXT_PATTERN refuses. Such a request is not the
    document's; the body is checked here against the document itself (JSON Schema 2020-12, as
    the API document states it), so a refusal of a body the document does accept still fails.
    """
    if not isinstance(case.body, (dict, list)) or "json" not in (case.media_type or ""):
        return False
    key = (case.method.lower(), case.operation.path, case.media_type)
    if key not in _BODY_VALIDATORS:
        raw = case.operation.schema.raw_schema
        body = raw["paths"][case.operation.path][case.method.lower()].get("requestBody", {})
        schema = body.get("content", {}).get(case.media_type, {}).get("schema")
        _BODY_VALIDATORS[key] = (
            None
            if schema is None
            else jsonschema_rs.Draft202012Validator(
                {"components": raw.get("components", {}), **schema}, validate_formats=True
            )
        )
    validator = _BODY_VALIDATORS[key]
    return validator is not None and not validator.is_valid(case.body)


_PATH_VALIDATORS = {}


def _declared_parameter(raw, parameter):
    """The parameter object, with a `#/components/parameters/...` reference followed."""
    ref = parameter.get("$ref", "")
    if ref.startswith("#/components/parameters/"):
        return raw.get("components", {}).get("parameters", {}).get(ref.rsplit("/", 1)[1], {})
    return parameter


def _path_off_document(case):
    """True when a path parameter sent is not valid under its documented schema.

    The same as for bodies: the stateful phase fills `{id}` with values captured from other
    responses (a 200-character string of zeros from a listing's echo, say) without checking them
    against the target's parameter schema, which says what an id is. The parameter is checked
    against the document, so a refused id the document accepts still fails.
    """
    values = case.path_parameters or {}
    if not values:
        return False
    raw = case.operation.schema.raw_schema
    item = raw["paths"][case.operation.path]
    declared = item.get("parameters", []) + item[case.method.lower()].get("parameters", [])
    for parameter in (_declared_parameter(raw, p) for p in declared):
        name = parameter.get("name")
        if parameter.get("in") != "path" or name not in values or "schema" not in parameter:
            continue
        key = (case.method.lower(), case.operation.path, name)
        if key not in _PATH_VALIDATORS:
            _PATH_VALIDATORS[key] = jsonschema_rs.Draft202012Validator(
                {"components": raw.get("components", {}), **parameter["schema"]}
            )
        if not _PATH_VALIDATORS[key].is_valid(values[name]):
            return True
    return False


@schemathesis.hook
def filter_failure(context, failure, case, response):
    if getattr(failure, "code", None) != "ST202":
        return True
    if _body_off_document(case) or _path_off_document(case):
        return False
    errors = _field_errors(response)
    return errors is None or not all(_explained(case, error) for error in errors)
