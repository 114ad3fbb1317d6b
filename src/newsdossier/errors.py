"""Errors that carry a message meant for the analyst, not a traceback."""


class InputError(ValueError):
    """Bad input (file, date, manifest row): the message says what is wrong and what to do."""


class StepError(RuntimeError):
    """A notebook step failed; the message names the step and the reason."""
