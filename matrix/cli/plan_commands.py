"""Commands that read a plan and report on it: parse, check, show, departments."""
