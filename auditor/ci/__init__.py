"""CI mode: the settings file, budgets and ignore rules, the gate, the comparison with a baseline, and the extra output files."""
