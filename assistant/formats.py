"""Output formats of the curator's commands, apart from the modules that render them: the
command line's parser offers them without importing the report or the curation code."""

REPORT_FORMATS = ("text", "json", "csv", "html")
CURATE_FORMATS = ("text", "json")
