"""The query parameters of the API: each one parses its text, says what was wrong with it
in Slovenian, and describes itself for the OpenAPI description, from one declaration.

An endpoint lists its parameters; anything else in the query string is refused with a 400
that names it, so a typo never silently widens a list. Each parameter takes one value: one
given twice (`?community=golnik&community=strazisce`) is a 400 that names it too, never
read as its last value (docs/decisions/0034-http-revalidation-and-one-value-a-parameter.md).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.base.text import MAX_QUERY_LENGTH, clean_query, search_terms
from portal.communities.directory import section_of_slug, sections
from portal.events.calendar import FIRST_YEAR, LAST_YEAR, day_start

# Past this an offset means nothing (and a database would refuse it).
MAX_OFFSET = 10**9
MAX_WORDS_LENGTH = MAX_QUERY_LENGTH


class BadParameter(Exception):
    """A query parameter the API cannot use: answered with a 400 that names it."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass
class Parameter:
    name: str
    description: str
    # parse(text) -> value; raises ValueError with the message to show (or without one).
    parse: object
    # The OpenAPI schema: a dict, or a callable for values that follow the content (KS slugs).
    schema: object = field(default_factory=lambda: {"type": "string"})
    # What `parse` would not say about a value in general: shown in the 400.
    invalid: str = ""

    def openapi_schema(self):
        return self.schema() if callable(self.schema) else self.schema

    def value(self, text):
        try:
            return self.parse(text)
        except ValueError as error:
            message = str(error) if error.args and error.args[0] else str(self.invalid)
            raise BadParameter(self.name, message) from error


def parse_query(query, parameters):
    """The values of `query` (a QueryDict) by the `parameters` (name -> Parameter); a 400
    for any other name or any value that does not parse."""
    unknown = sorted(name for name in query if name not in parameters)
    if unknown:
        known = ", ".join(parameters) or _("none")
        raise BadParameter(
            unknown[0],
            _("Unknown parameter “%(name)s”. This endpoint takes: %(known)s.")
            % {"name": unknown[0][:100], "known": known},
        )
    repeated = sorted(name for name in query if len(query.getlist(name)) > 1)
    if repeated:
        raise BadParameter(
            repeated[0],
            _("The parameter “%(name)s” is given more than once: give it one value.")
            % {"name": repeated[0][:100]},
        )
    return {name: parameters[name].value(query[name]) for name in query}


# --- Kinds of parameters ----------------------------------------------------------------


def whole_number(name, description, minimum=0, maximum=MAX_OFFSET):
    def parse(text):
        text = text.strip()
        if not text.isdigit() or not minimum <= int(text) <= maximum:
            raise ValueError(
                _("“%(name)s” must be a whole number from %(minimum)s to %(maximum)s.")
                % {"name": name, "minimum": minimum, "maximum": maximum}
            )
        return int(text)

    return Parameter(
        name,
        description,
        parse,
        {"type": "integer", "minimum": minimum, "maximum": maximum},
    )


def limit():
    maximum = settings.WAGTAILAPI_LIMIT_MAX
    return whole_number(
        "limit",
        gettext_lazy("How many items to return (default %(default)s, at most %(maximum)s).")
        % {"default": default_limit(), "maximum": maximum},
        minimum=0,
        maximum=maximum,
    )


def default_limit():
    return min(20, settings.WAGTAILAPI_LIMIT_MAX)


def offset():
    return whole_number(
        "offset", gettext_lazy("How many items to skip, for the next pages of a list.")
    )


def choice(name, description, choices):
    """One of `choices()`: (value, label) pairs, read when asked (they may follow content)."""

    def parse(text):
        values = [value for value, _label in choices()]
        if text not in values:
            raise ValueError(
                _("“%(value)s” is not a valid value of “%(name)s”. Choose one of: %(values)s.")
                % {"value": text[:100], "name": name, "values": ", ".join(values)}
            )
        return text

    return Parameter(
        name,
        description,
        parse,
        lambda: enum_schema([value for value, _label in choices()]),
    )


def key(name, description, is_key, choices, max_length, pattern):
    """A key, such as a programme type's, that may name something no longer there: one
    that nothing has lists nothing; only text that `is_key` refuses is a 400. `choices()`
    are the keys there now, given as examples."""

    def parse(text):
        if not is_key(text):
            raise ValueError(
                _("“%(value)s” is not a valid value of “%(name)s”. Choose one of: %(values)s.")
                % {
                    "value": text[:100],
                    "name": name,
                    "values": ", ".join(value for value, _label in choices()),
                }
            )
        return text

    def schema():
        examples = [value for value, _label in choices()]
        return {
            "type": "string",
            "maxLength": max_length,
            "pattern": pattern,
            "examples": examples,
        }

    return Parameter(name, description, parse, schema)


def enum_schema(values):
    return {"type": "string", "enum": values} if values else {"type": "string"}


def boolean(name, description):
    def parse(text):
        if text not in ("true", "false"):
            raise ValueError(_("“%(name)s” must be true or false.") % {"name": name})
        return text == "true"

    return Parameter(name, description, parse, {"type": "string", "enum": ["true", "false"]})


def moment(name, description, end_of_day=False):
    """A date (2026-11-26: the start of that day in Kranj, or with `end_of_day` its end) or a
    date and time with its offset (2026-11-26T18:00:00+01:00)."""

    def parse(text):
        text = text.strip()
        try:
            day = parse_date(text)
            when = None if day else parse_datetime(text)
        except ValueError:
            day = when = None
        if day is None and when is None:
            raise ValueError(
                _("“%(value)s” is not a date: write it as 2026-11-26 or 2026-11-26T18:00:00+01:00.")
                % {"value": text[:100]}
            )
        # Nothing happens outside the calendar's years: keep to them, so no arithmetic on a
        # date overflows.
        if day is None:
            day = when.date()
            if FIRST_YEAR <= day.year <= LAST_YEAR:
                return timezone.make_aware(when) if timezone.is_naive(when) else when
        day = min(max(day, datetime.date(FIRST_YEAR, 1, 1)), datetime.date(LAST_YEAR, 12, 31))
        return day_start(day + datetime.timedelta(days=1) if end_of_day else day)

    return Parameter(
        name,
        description,
        parse,
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ]
        },
    )


def words(name, description):
    """Words to look for, accent-free as the site search indexes them ("" for none)."""

    def parse(text):
        if len(text) > MAX_WORDS_LENGTH:
            raise ValueError(
                _("“%(name)s” is too long: at most %(maximum)s characters.")
                % {"name": name, "maximum": MAX_WORDS_LENGTH}
            )
        return search_terms(clean_query(text))

    return Parameter(name, description, parse, {"type": "string", "maxLength": MAX_WORDS_LENGTH})


def community():
    def choices():
        return [(s.community.slug, s.community.title) for s in sections()]

    parameter = choice(
        "community",
        gettext_lazy("The slug of a local community (KS): only its content."),
        choices,
    )
    parse_slug = parameter.parse

    def parse(text):
        slug = parse_slug(text)
        return section_of_slug(slug)

    parameter.parse = parse
    return parameter
