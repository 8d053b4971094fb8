"""SQLite storage: ORM models and the engine with Tarjuman's pragmas."""
