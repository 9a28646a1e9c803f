"""How large a plan file matrix reads: larger files are refused before anything opens them."""

MAX_PLAN_BYTES = 20 * 1024 * 1024
