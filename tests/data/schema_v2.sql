-- The schema annotator wrote at schema version 2 (before units followed each document's
-- own numbering), frozen for the migration tests.
CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE coders (
	id INTEGER NOT NULL, 
	guid VARCHAR(36) NOT NULL, 
	name VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (guid), 
	UNIQUE (name)
);
CREATE TABLE documents (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	guid VARCHAR(36) NOT NULL, 
	number INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	text TEXT NOT NULL, 
	source_name TEXT NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	imported_at DATETIME NOT NULL, 
	UNIQUE (guid), 
	UNIQUE (number), 
	UNIQUE (content_hash)
);
CREATE TABLE codes (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	guid VARCHAR(36) NOT NULL, 
	parent_id INTEGER, 
	name VARCHAR NOT NULL, 
	colour VARCHAR(9) NOT NULL, 
	definition TEXT NOT NULL, 
	keywords JSON NOT NULL, 
	shortcut VARCHAR, 
	position INTEGER NOT NULL, 
	UNIQUE (parent_id, name), 
	UNIQUE (guid), 
	FOREIGN KEY(parent_id) REFERENCES codes (id) ON DELETE CASCADE
);
CREATE INDEX ix_codes_parent_id ON codes (parent_id);
CREATE UNIQUE INDEX uq_codes_root_name ON codes (name) WHERE parent_id IS NULL;
CREATE TABLE word_lists (
	id INTEGER NOT NULL, 
	list_name VARCHAR(32) NOT NULL, 
	word VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (list_name, word)
);
CREATE INDEX ix_word_lists_list_name ON word_lists (list_name);
CREATE TABLE tombstones (
	id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	guid VARCHAR(36) NOT NULL, 
	label TEXT NOT NULL, 
	deleted_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (kind, guid)
);
CREATE TABLE document_attributes (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	position INTEGER NOT NULL, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (document_id, "key"), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE passages (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	guid VARCHAR(36) NOT NULL, 
	document_id INTEGER NOT NULL, 
	code_id INTEGER NOT NULL, 
	coder_id INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	memo TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	origin VARCHAR(16) DEFAULT 'manual' NOT NULL, 
	UNIQUE (document_id, code_id, coder_id, start, "end"), 
	CONSTRAINT ck_passage_span CHECK (start >= 0 AND "end" > start), 
	UNIQUE (guid), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(code_id) REFERENCES codes (id) ON DELETE CASCADE, 
	FOREIGN KEY(coder_id) REFERENCES coders (id) ON DELETE RESTRICT
);
CREATE INDEX ix_passages_document_start ON passages (document_id, start);
CREATE INDEX ix_passages_code_id ON passages (code_id);
CREATE TABLE proposals (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	document_id INTEGER NOT NULL, 
	code_id INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	keyword VARCHAR NOT NULL, 
	unit VARCHAR(16) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	UNIQUE (document_id, code_id, start, "end"), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(code_id) REFERENCES codes (id) ON DELETE CASCADE
);
CREATE INDEX ix_proposals_code_id ON proposals (code_id);
