"""What every PDF the application writes shares: embedded fonts and literal text."""
