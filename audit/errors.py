"""User-facing errors and the exit codes mtaudit promises.

One exception type for problems a user can fix; the CLI prints it as one line and exits with
`EXIT_ERROR`. Anything else escaping is a bug: the CLI writes its traceback to a file and
exits with `EXIT_INTERNAL` (audit.crash).
"""

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on (or a threshold broken)
EXIT_INTERNAL = 1  # a bug: one line on stderr names the file holding its traceback
EXIT_ERROR = 2  # usage error or unusable input (missing, empty, binary, huge, HTML past its parsing
#                budget; not French if asked)


class UserError(Exception):
    """A problem with the command line, the configuration or an input, told in one line."""


class InputError(UserError):
    """An input that cannot be audited; batch runs report it and go on with the others."""
