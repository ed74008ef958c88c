//! A reader for the part of YAML that answers files use, without a YAML library: the web app
//! reads answers files with it, since `serde_yaml` and libyaml would add about 100 KB to the
//! WebAssembly.
//!
//! What it reads: block mappings (at any depth), plain, single-quoted and double-quoted scalars on
//! one line (with YAML's escapes), comments, a leading `---`, and flow mappings and lists (`{…}`,
//! `[…]`, so JSON too). Scalars resolve as `serde_yaml` resolves them: `~`, `null` and nothing are
//! empty, `true`/`false` are booleans, and decimal numbers are written the way `serde_yaml`
//! writes them back (`0.50` is `0.5`). Anchors, aliases, tags, block scalars (`|`, `>`), values
//! continued on the next line and numbers in other notations (`1e3`, `0x1F`, `.inf`) are refused
//! with [`ReadError::Unsupported`], which points to the command line, which reads full YAML.

use super::{Node, ReadError, Value};

/// Reads `text` into a [`Node`] tree, or says where and why it cannot.
pub(super) fn parse(text: &str) -> Result<Node, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser::new(text);
    p.check_characters()?;
    p.document()
}

fn syntax(at: (usize, usize), message: impl Into<String>) -> ReadError {
    ReadError::Syntax {
        line: at.0,
        column: at.1,
        message: message.into(),
    }
}

fn unsupported(at: (usize, usize), what: &'static str) -> ReadError {
    ReadError::Unsupported {
        line: at.0,
        column: at.1,
        what,
    }
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the start of every line.
    starts: Vec<usize>,
    /// The current line (block context).
    line: usize,
    /// How many collections the parser is inside, to refuse absurd nesting.
    depth: std::cell::Cell<usize>,
}

/// A line's indentation (spaces) and its content after the indentation.
fn split_indent(line: &str) -> (usize, &str) {
    let content = line.trim_start_matches(' ');
    (line.len() - content.len(), content)
}

fn is_blank_or_comment(content: &str) -> bool {
    let t = content.trim_start_matches([' ', '\t']);
    t.is_empty() || t.starts_with('#')
}

/// `c` may follow a `:` that ends a key, or a `-` that starts a list entry.
fn ends_token(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with([' ', '\t'])
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Parser {
            text,
            starts,
            line: 0,
            depth: std::cell::Cell::new(0),
        }
    }

    fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line `i` without its line break.
    fn line_text(&self, i: usize) -> &'a str {
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |e| e - 1);
        let line = &self.text[start..end];
        line.strip_suffix('\r').unwrap_or(line)
    }

    /// 1-based line and column of the byte offset `offset`.
    fn pos(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Position of byte `col` of line `i`.
    fn at(&self, i: usize, col: usize) -> (usize, usize) {
        self.pos(self.starts[i] + col)
    }

    /// YAML refuses control characters and a few others anywhere in the text.
    fn check_characters(&self) -> Result<(), ReadError> {
        for (i, c) in self.text.char_indices() {
            let printable = matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}')
                || matches!(c, '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
                || c >= '\u{10000}';
            if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                return Err(unsupported(
                    self.pos(i),
                    "an unescaped NEL, U+2028 or U+2029 (YAML reads them as line breaks)",
                ));
            }
            if c == '\r' && !self.text[i + 1..].starts_with('\n') {
                return Err(unsupported(
                    self.pos(i),
                    "a line break written as a lone carriage return",
                ));
            }
            if !printable || (c == '\u{feff}') {
                return Err(syntax(
                    self.pos(i),
                    format!(
                        "the character U+{:04X} is not allowed in YAML",
                        u32::from(c)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Moves to the next line with content; `false` at the end of the text. A tab at the start
    /// of a line (outside `{…}` and `[…]`) is an error in YAML, even on a blank line.
    fn skip_blank(&mut self) -> Result<bool, ReadError> {
        while self.line < self.line_count() {
            let (indent, content) = split_indent(self.line_text(self.line));
            if content.starts_with('\t') {
                return Err(syntax(
                    self.at(self.line, indent),
                    "tabs are not allowed in indentation; indent with spaces",
                ));
            }
            if !is_blank_or_comment(content) {
                return Ok(true);
            }
            self.line += 1;
        }
        Ok(false)
    }

    fn document(&mut self) -> Result<Node, ReadError> {
        if !self.skip_blank()? {
            return Ok(Node::new(Value::Null, None));
        }
        let first = self.line_text(self.line);
        if first.starts_with('%') {
            return Err(unsupported(self.at(self.line, 0), "a YAML directive (`%`)"));
        }
        if let Some(rest) = first.strip_prefix("---") {
            if !ends_token(rest) {
                // `---x` is a plain scalar; nothing else starts with three dashes.
            } else if !is_blank_or_comment(rest) {
                return Err(unsupported(
                    self.at(self.line, 3),
                    "content on the `---` line",
                ));
            } else {
                self.line += 1;
            }
        }
        if self.skip_blank()? && self.is_end_marker() {
            return Err(unsupported(self.at(self.line, 0), "the end marker `...`"));
        }
        let root = if self.skip_blank()? {
            let (indent, _) = split_indent(self.line_text(self.line));
            self.block_node(indent, None)?
        } else {
            Node::new(Value::Null, None)
        };
        if self.skip_blank()? && self.is_end_marker() {
            return Err(unsupported(self.at(self.line, 0), "the end marker `...`"));
        }
        if self.skip_blank()? {
            let at = self.at(self.line, 0);
            return Err(if self.line_text(self.line).starts_with("---") {
                syntax(
                    at,
                    "the file holds more than one YAML document; keep only the answers",
                )
            } else {
                syntax(at, "unexpected content; check the indentation of this line")
            });
        }
        Ok(root)
    }

    fn is_end_marker(&self) -> bool {
        self.line_text(self.line)
            .strip_prefix("...")
            .is_some_and(is_blank_or_comment)
    }

    /// The node that starts at column `indent` of the current line, inside a block whose key is
    /// at `parent` (`None` at the top level).
    fn block_node(&mut self, indent: usize, parent: Option<usize>) -> Result<Node, ReadError> {
        let depth = self.enter(self.at(self.line, indent))?;
        let node = self.block_node_inner(indent, parent);
        self.depth.set(depth);
        node
    }

    /// Counts one more level of nesting; returns the previous count.
    fn enter(&self, at: (usize, usize)) -> Result<usize, ReadError> {
        let depth = self.depth.get();
        if depth >= 64 {
            return Err(unsupported(at, "nesting deeper than 64 levels"));
        }
        self.depth.set(depth + 1);
        Ok(depth)
    }

    fn block_node_inner(
        &mut self,
        indent: usize,
        parent: Option<usize>,
    ) -> Result<Node, ReadError> {
        let line = self.line_text(self.line);
        let content = &line[indent..];
        if content.starts_with('\t') {
            return Err(syntax(
                self.at(self.line, indent),
                "tabs are not allowed in indentation; indent with spaces",
            ));
        }
        if let Some(rest) = content.strip_prefix('-') {
            if ends_token(rest) {
                return self.block_list(indent);
            }
        }
        if self.key(self.line, indent)?.is_some() {
            return self.block_mapping(indent);
        }
        let node = self.inline_value(self.line, indent)?;
        self.after_inline_value(parent)?;
        Ok(node)
    }

    /// A block list whose `-` are at `indent`, from the current line. Its entries are read (so
    /// that broken ones are errors, as for serde_yaml) but not kept: they are never answers.
    fn block_list(&mut self, indent: usize) -> Result<Node, ReadError> {
        let at = self.at(self.line, indent);
        loop {
            let i = self.line;
            let line = self.line_text(i);
            let rest = &line[indent + 1..];
            if is_blank_or_comment(rest) {
                self.line += 1;
                if self.skip_blank()? {
                    let (next, _) = split_indent(self.line_text(self.line));
                    if next > indent {
                        self.block_node(next, Some(indent))?;
                    }
                }
            } else {
                let spaces = rest.len() - rest.trim_start_matches(' ').len();
                if rest[spaces..].starts_with('\t') {
                    return Err(unsupported(
                        self.at(i, indent + 1 + spaces),
                        "a tab after `-`",
                    ));
                }
                self.block_node(indent + 1 + spaces, Some(indent))?;
            }
            if !self.skip_blank()? {
                break;
            }
            let (next, content) = split_indent(self.line_text(self.line));
            if next < indent || self.is_end_marker() {
                break;
            }
            let entry = content.strip_prefix('-').is_some_and(ends_token);
            if next == indent && !entry {
                break;
            }
            if next > indent || !entry {
                return Err(syntax(
                    self.at(self.line, next),
                    "this line is indented deeper than the list above it; check its indentation",
                ));
            }
        }
        Ok(Node::new(Value::List, Some(at)))
    }

    /// After a value that ended its line: a following line indented deeper than the key would
    /// continue the value.
    fn after_inline_value(&mut self, parent: Option<usize>) -> Result<(), ReadError> {
        self.line += 1;
        if !self.skip_blank()? {
            return Ok(());
        }
        let line = self.line_text(self.line);
        let (indent, _) = split_indent(line);
        if parent.is_some_and(|p| indent <= p) {
            return Ok(());
        }
        let at = self.at(self.line, indent);
        if parent.is_none() && self.is_end_marker() {
            return Ok(());
        }
        if self.key(self.line, indent).ok().flatten().is_some() {
            return Err(syntax(
                at,
                "this line is indented deeper than the key above it; check its indentation",
            ));
        }
        Err(unsupported(at, "a value that continues on the next line"))
    }

    /// If line `i` holds `key:` at column `indent`: the key and the byte column after the `:`.
    fn key(&self, i: usize, indent: usize) -> Result<Option<(String, usize)>, ReadError> {
        let line = self.line_text(i);
        let content = &line[indent..];
        let base = self.starts[i] + indent;
        let after_key = match content.chars().next() {
            Some('"' | '\'') => self.quoted(base)?.1 - self.starts[i],
            Some('?') if ends_token(&content[1..]) => {
                return Err(unsupported(self.at(i, indent), "a complex key (`? `)"));
            }
            Some('-') if ends_token(&content[1..]) => return Ok(None),
            Some(':') if ends_token(&content[1..]) => return Ok(None),
            Some(
                '&' | '*' | '!' | '|' | '>' | '{' | '[' | ']' | '}' | ',' | '%' | '@' | '`' | '#',
            )
            | None => return Ok(None),
            Some(_) => match plain_key_end(content) {
                Some(end) => indent + end,
                None => return Ok(None),
            },
        };
        let rest = &line[after_key..];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        match trimmed.strip_prefix(':') {
            Some(after) if ends_token(after) => {
                let key = &line[indent..after_key];
                let key_node = self.scalar_at(i, indent, key)?;
                let key = match key_node.value {
                    Value::Null => String::new(),
                    Value::Bool(b) => b.to_string(),
                    Value::Number(s) | Value::Text(s) => s,
                    _ => String::new(),
                };
                Ok(Some((key, line.len() - after.len())))
            }
            _ => Ok(None),
        }
    }

    /// The scalar written as `raw` at byte `col` of line `i` (quoted or plain).
    fn scalar_at(&self, i: usize, col: usize, raw: &str) -> Result<Node, ReadError> {
        let at = self.at(i, col);
        if raw.starts_with(['"', '\'']) {
            let (text, _) = self.quoted(self.starts[i] + col)?;
            return Ok(Node::new(Value::Text(text), Some(at)));
        }
        plain(raw.trim_end_matches([' ', '\t']))
            .map(|v| Node::new(v, Some(at)))
            .map_err(|what| unsupported(at, what))
    }

    /// A block mapping whose keys are at `indent`, from the current line.
    fn block_mapping(&mut self, indent: usize) -> Result<Node, ReadError> {
        let at = self.at(self.line, indent);
        let mut entries: Vec<(String, Node)> = Vec::new();
        loop {
            let i = self.line;
            let line = self.line_text(i);
            let Some((key, after)) = self.key(i, indent)? else {
                return Err(syntax(
                    self.at(i, indent),
                    "expected `key: value` at the indentation of the keys above",
                ));
            };
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(syntax(
                    self.at(i, indent),
                    format!("duplicate entry with key `{key}`"),
                ));
            }
            let rest = &line[after..];
            let value_col = line.len() - rest.trim_start_matches([' ', '\t']).len();
            let value = if is_blank_or_comment(rest) {
                self.line += 1;
                if self.skip_blank()? {
                    let (next, content) = split_indent(self.line_text(self.line));
                    if next > indent {
                        self.block_node(next, Some(indent))?
                    } else if next == indent && content.strip_prefix('-').is_some_and(ends_token) {
                        self.block_list(next)?
                    } else {
                        Node::new(Value::Null, Some(self.at(i, after)))
                    }
                } else {
                    Node::new(Value::Null, Some(self.at(i, after)))
                }
            } else {
                let node = self.inline_value(i, value_col)?;
                self.after_inline_value(Some(indent))?;
                node
            };
            entries.push((key, value));
            if !self.skip_blank()? {
                break;
            }
            let (next, _) = split_indent(self.line_text(self.line));
            if next < indent || self.is_end_marker() {
                break;
            }
            if next > indent {
                return Err(syntax(
                    self.at(self.line, next),
                    "this line is indented deeper than the keys above it; check its indentation",
                ));
            }
        }
        Ok(Node::new(Value::Map(entries), Some(at)))
    }

    /// The value that starts at byte `col` of line `i` and ends on that line (a flow collection
    /// may end on a later line; the current line is then that one).
    fn inline_value(&mut self, i: usize, col: usize) -> Result<Node, ReadError> {
        let line = self.line_text(i);
        let content = &line[col..];
        let at = self.at(i, col);
        let end = match content.chars().next() {
            Some('{' | '[') => {
                let (node, end) = self.flow(self.starts[i] + col)?;
                let (end_line, _) = self.pos(end);
                self.line = end_line - 1;
                let rest = &self.line_text(self.line)[end - self.starts[self.line]..];
                check_rest(self, end, rest)?;
                return Ok(node);
            }
            Some('"' | '\'') => {
                let (text, end) = self.quoted(self.starts[i] + col)?;
                check_rest(self, end, &self.text[end..self.starts[i] + line.len()])?;
                return Ok(Node::new(Value::Text(text), Some(at)));
            }
            Some(c) => {
                if let Some(e) = indicator(c, &content[c.len_utf8()..], at) {
                    return Err(e);
                }
                if matches!(c, ',' | ']' | '}') {
                    return Err(syntax(
                        at,
                        format!("a value cannot start with `{c}`; put it in quotes"),
                    ));
                }
                plain_block_end(content)
            }
            None => 0,
        };
        let raw = &content[..end];
        if let Some(k) = raw.find(": ").or_else(|| raw.find(":\t")) {
            return Err(syntax(
                self.at(i, col + k),
                "a `: ` inside a value; put the value in quotes",
            ));
        }
        self.scalar_at(i, col, raw)
    }

    /// A flow collection or scalar starting at byte `offset`; returns it and the byte offset
    /// after it.
    fn flow(&self, offset: usize) -> Result<(Node, usize), ReadError> {
        let depth = self.enter(self.pos(offset))?;
        let node = self.flow_inner(offset);
        self.depth.set(depth);
        node
    }

    fn flow_inner(&self, offset: usize) -> Result<(Node, usize), ReadError> {
        let at = self.pos(offset);
        let rest = &self.text[offset..];
        match rest.chars().next() {
            Some('{') => {
                let mut entries: Vec<(String, Node)> = Vec::new();
                let mut o = self.flow_space(offset + 1);
                if self.text[o..].starts_with('}') {
                    return Ok((Node::new(Value::Map(entries), Some(at)), o + 1));
                }
                loop {
                    let key_at = self.pos(o);
                    let quoted_key = self.text[o..].starts_with(['"', '\'']);
                    let (key_node, after_key) = self.flow(o)?;
                    let key = match key_node.value {
                        Value::Null => String::new(),
                        Value::Bool(b) => b.to_string(),
                        Value::Number(s) | Value::Text(s) => s,
                        Value::List | Value::Map(_) | Value::Tagged => {
                            return Err(unsupported(key_at, "a list or mapping as a key"))
                        }
                    };
                    o = self.flow_space(after_key);
                    if entries.iter().any(|(k, _)| *k == key) {
                        return Err(syntax(key_at, format!("duplicate entry with key `{key}`")));
                    }
                    let value = if self.text[o..].starts_with([',', '}']) {
                        // `{a, b: 1}`: a key without a value.
                        Node::new(Value::Null, Some(self.pos(o)))
                    } else {
                        let after_colon = match self.text[o..].strip_prefix(':') {
                            Some(r)
                                if quoted_key
                                    || r.is_empty()
                                    || r.starts_with([
                                        ' ', '\t', '\n', '\r', ',', '}', ']', '[', '{',
                                    ]) =>
                            {
                                o + 1
                            }
                            _ => {
                                return Err(syntax(
                                    self.pos(o),
                                    "expected `:` after the key in `{…}`",
                                ))
                            }
                        };
                        o = self.flow_space(after_colon);
                        if self.text[o..].starts_with([',', '}']) {
                            Node::new(Value::Null, Some(self.pos(o)))
                        } else {
                            let (v, end) = self.flow(o)?;
                            o = end;
                            v
                        }
                    };
                    entries.push((key, value));
                    o = self.flow_space(o);
                    match self.text[o..].chars().next() {
                        Some(',') => {
                            o = self.flow_space(o + 1);
                            if self.text[o..].starts_with('}') {
                                return Ok((Node::new(Value::Map(entries), Some(at)), o + 1));
                            }
                        }
                        Some('}') => return Ok((Node::new(Value::Map(entries), Some(at)), o + 1)),
                        _ => return Err(syntax(self.pos(o), "expected `,` or `}`")),
                    }
                }
            }
            Some('[') => {
                let mut o = self.flow_space(offset + 1);
                loop {
                    if self.text[o..].starts_with(']') {
                        return Ok((Node::new(Value::List, Some(at)), o + 1));
                    }
                    let (_, end) = self.flow(o)?;
                    o = self.flow_space(end);
                    match self.text[o..].chars().next() {
                        Some(',') => o = self.flow_space(o + 1),
                        Some(']') => return Ok((Node::new(Value::List, Some(at)), o + 1)),
                        _ => return Err(syntax(self.pos(o), "expected `,` or `]`")),
                    }
                }
            }
            Some('"' | '\'') => {
                let (text, end) = self.quoted(offset)?;
                Ok((Node::new(Value::Text(text), Some(at)), end))
            }
            Some(c) => {
                if let Some(e) = indicator(c, &rest[c.len_utf8()..], at) {
                    return Err(e);
                }
                if matches!(c, ',' | ']' | '}' | '\n' | '\r') {
                    return Err(syntax(at, format!("unexpected `{}`", c.escape_default())));
                }
                let end = plain_flow_end(rest);
                let raw = rest[..end].trim_end_matches([' ', '\t']);
                let after = &rest[end..];
                let next = self.flow_space(offset + end);
                if after.starts_with(['\n', '\r'])
                    && !self.text[next..].starts_with([',', '}', ']', ':'])
                {
                    return Err(unsupported(at, "a value that continues on the next line"));
                }
                let value = plain(raw).map_err(|what| unsupported(at, what))?;
                Ok((Node::new(value, Some(at)), offset + raw.len()))
            }
            None => Err(syntax(at, "the file ends inside `{…}` or `[…]`")),
        }
    }

    /// Skips spaces, tabs, line breaks and comments inside a flow collection.
    fn flow_space(&self, mut o: usize) -> usize {
        let bytes = self.text.as_bytes();
        while o < bytes.len() {
            match bytes[o] {
                b' ' | b'\t' | b'\n' | b'\r' => o += 1,
                b'#' if o == 0 || matches!(bytes[o - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                    while o < bytes.len() && bytes[o] != b'\n' {
                        o += 1;
                    }
                }
                _ => break,
            }
        }
        o
    }

    /// The quoted scalar starting at byte `offset` (at its quote): its text and the byte offset
    /// after the closing quote. The scalar must end on its line.
    fn quoted(&self, offset: usize) -> Result<(String, usize), ReadError> {
        let rest = &self.text[offset..];
        let double = rest.starts_with('"');
        let mut out = String::new();
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\n' | '\r' => {
                    let closed = rest[i..].contains(if double { '"' } else { '\'' });
                    return Err(if closed {
                        unsupported(
                            self.pos(offset),
                            "a quoted value that continues on the next line",
                        )
                    } else {
                        syntax(self.pos(offset), "the quoted value is never closed")
                    });
                }
                '\'' if !double => {
                    if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                        chars.next();
                        out.push('\'');
                    } else {
                        return Ok((out, offset + i + 1));
                    }
                }
                '"' if double => return Ok((out, offset + i + 1)),
                '\\' if double => {
                    let Some((j, e)) = chars.next() else { break };
                    let hex = |n: usize| -> Result<char, ReadError> {
                        rest.get(j + 1..j + 1 + n)
                            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32)
                            .ok_or_else(|| {
                                syntax(self.pos(offset + i), "invalid `\\x`, `\\u` or `\\U` escape")
                            })
                    };
                    let (c, skip) = match e {
                        '0' => ('\0', 0),
                        'a' => ('\u{7}', 0),
                        'b' => ('\u{8}', 0),
                        't' | '\t' => ('\t', 0),
                        'n' => ('\n', 0),
                        'v' => ('\u{b}', 0),
                        'f' => ('\u{c}', 0),
                        'r' => ('\r', 0),
                        'e' => ('\u{1b}', 0),
                        ' ' => (' ', 0),
                        '"' => ('"', 0),
                        '/' => ('/', 0),
                        '\\' => ('\\', 0),
                        'N' => ('\u{85}', 0),
                        '_' => ('\u{a0}', 0),
                        'L' => ('\u{2028}', 0),
                        'P' => ('\u{2029}', 0),
                        'x' => (hex(2)?, 2),
                        'u' => (hex(4)?, 4),
                        'U' => (hex(8)?, 8),
                        '\n' | '\r' => {
                            return Err(unsupported(
                                self.pos(offset),
                                "a quoted value that continues on the next line",
                            ))
                        }
                        other => {
                            return Err(syntax(
                                self.pos(offset + i),
                                format!("unknown escape `\\{}`", other.escape_default()),
                            ))
                        }
                    };
                    out.push(c);
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                c => out.push(c),
            }
        }
        Err(syntax(self.pos(offset), "the quoted value is never closed"))
    }
}

/// After a value on a block line, only spaces and a comment may follow.
fn check_rest(p: &Parser<'_>, end: usize, rest: &str) -> Result<(), ReadError> {
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if trimmed.starts_with(':') {
        return Err(unsupported(
            p.pos(end),
            "a key that is a list, a mapping or on two lines",
        ));
    }
    if trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len()) {
        Ok(())
    } else {
        Err(syntax(
            p.pos(end),
            "unexpected text after the value; put the whole value in quotes",
        ))
    }
}

/// The error for a value that starts with the indicator `c` (followed by `rest`), if it is one.
fn indicator(c: char, rest: &str, at: (usize, usize)) -> Option<ReadError> {
    Some(match c {
        '&' => unsupported(at, "an anchor (`&`)"),
        '*' => unsupported(at, "an alias (`*`)"),
        '!' => unsupported(at, "a tag (`!`)"),
        '|' | '>' => unsupported(at, "a block scalar (`|` or `>`)"),
        '%' | '@' | '`' => syntax(
            at,
            "`%`, `@` and `` ` `` cannot start a value; put the value in quotes",
        ),
        '-' | '?' | ':' if ends_token(rest) => syntax(
            at,
            "a value cannot start with `- `, `? ` or `: `; put it in quotes",
        ),
        _ => return None,
    })
}

/// Byte length of the key at the start of a block line (`key: …`), if the line has one.
fn plain_key_end(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if ends_token(&content[i + 1..]) => {
                return Some(content[..i].trim_end_matches([' ', '\t']).len());
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return None,
            _ => {}
        }
    }
    None
}

/// Byte length of a plain scalar in a block line: up to a comment or the end of the line.
fn plain_block_end(content: &str) -> usize {
    let bytes = content.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'#' && matches!(bytes[i - 1], b' ' | b'\t') {
            return i;
        }
    }
    bytes.len()
}

/// Byte length of a plain scalar inside `{…}` or `[…]`.
fn plain_flow_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b',' | b'[' | b']' | b'{' | b'}' | b'\n' | b'\r' => return i,
            b':' if bytes.get(i + 1).is_none_or(|n| {
                matches!(
                    n,
                    b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
                )
            }) =>
            {
                return i
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return i,
            _ => i += 1,
        }
    }
    i
}

/// What the plain scalar `s` is, as `serde_yaml` resolves it, or the construct the browser does
/// not read.
fn plain(s: &str) -> Result<Value, &'static str> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    let (negative, unsigned) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let numeric = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !numeric {
        return Ok(Value::Text(s.to_string()));
    }
    // `012` is text in YAML 1.2.
    if unsigned.len() > 1
        && unsigned.starts_with('0')
        && unsigned.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok(Value::Text(s.to_string()));
    }
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        let fits = if negative {
            format!("-{unsigned}").parse::<i64>().is_ok()
        } else {
            unsigned.parse::<u64>().is_ok()
        };
        if !fits {
            return Err("a number this large");
        }
        let n = if negative && unsigned != "0" {
            format!("-{unsigned}")
        } else {
            unsigned.to_string()
        };
        return Ok(Value::Number(n));
    }
    if let Some((int, frac)) = unsigned.split_once('.') {
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty()) {
            return decimal(negative, int, frac)
                .map(Value::Number)
                .ok_or("a number with this many digits");
        }
    }
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|&(prefix, radix)| unsigned.strip_prefix(prefix).map(|r| (r, radix)));
    let other_notation = match radix {
        Some((digits, radix)) => !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)),
        None => {
            matches!(
                unsigned,
                ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN"
            ) || crate::highlight::is_float_literal(unsigned)
        }
    };
    if other_notation {
        return Err("a number in this notation");
    }
    Ok(Value::Text(s.to_string()))
}

/// `int.frac` as Rust's shortest float formatting writes it (what `serde_yaml` writes back), or
/// `None` when it would need more than 15 digits or an exponent.
fn decimal(negative: bool, int: &str, frac: &str) -> Option<String> {
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0');
    if significant.is_empty() {
        return Some(format!("{sign}0.0"));
    }
    let significant = significant.trim_end_matches('0');
    // The decimal exponent: the value is 0.DIGITS × 10^point.
    let point = int.len() as i64 - (all.len() - all.trim_start_matches('0').len()) as i64;
    if significant.len() > 15 || point > 16 || point <= -5 {
        return None;
    }
    Some(if point <= 0 {
        format!(
            "{sign}0.{}{significant}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else if frac.is_empty() {
        format!("{sign}{int}.0")
    } else {
        format!("{sign}{int}.{frac}")
    })
}
