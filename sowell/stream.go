package sowell

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner reads JSON from a stream without holding it: scalar strings
// under a size bound, and long strings (photos) as io.Readers. It knows
// only what a report needs: one object of strings, nulls and one array of
// strings; other values are skipped.
type scanner struct {
	r   *bufio.Reader
	buf [80]byte // keys and literals, read without allocating
	str stringReader
	esc [8]byte // an escape's bytes
}

// string returns the scanner's reader of the string whose opening quote
// was just read. One string is read at a time: it is reused.
func (s *scanner) string() *stringReader {
	s.str = stringReader{s: s, pending: s.str.pending[:0]}
	return &s.str
}

var errSyntax = errors.New("malformed JSON")

func syntaxf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errSyntax, fmt.Sprintf(format, args...))
}

// next returns the next byte that is not white space.
func (s *scanner) next() (byte, error) {
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			if err == io.EOF {
				return 0, syntaxf("unexpected end of input")
			}
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
	}
}

func (s *scanner) expect(want byte) error {
	c, err := s.next()
	if err == nil && c != want {
		err = syntaxf("want %q, got %q", want, c)
	}
	return err
}

// stringReader streams the content of a JSON string whose opening quote
// was read, unescaped, up to (and consuming) its closing quote.
type stringReader struct {
	s       *scanner
	pending []byte // unescaped bytes not yet returned
	done    bool
}

func (sr *stringReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(sr.pending) > 0 {
			k := copy(p[n:], sr.pending)
			sr.pending, n = sr.pending[k:], n+k
			continue
		}
		if sr.done {
			break
		}
		// Copy the plain run the buffer holds in one go.
		if buf, _ := sr.s.r.Peek(max(1, min(sr.s.r.Buffered(), len(p)-n))); len(buf) > 0 {
			plain := 0
			for plain < len(buf) && buf[plain] != '"' && buf[plain] != '\\' && buf[plain] >= 0x20 {
				plain++
			}
			if plain > 0 {
				copy(p[n:], buf[:plain])
				_, _ = sr.s.r.Discard(plain)
				n += plain
				continue
			}
		}
		c, err := sr.s.r.ReadByte()
		if err != nil {
			if err == io.EOF {
				err = syntaxf("unterminated string")
			}
			return n, err
		}
		switch {
		case c == '"':
			sr.done = true
		case c == '\\':
			b, err := sr.s.unescape()
			if err != nil {
				return n, err
			}
			sr.pending = b
		case c < 0x20:
			return n, syntaxf("control character in string")
		default:
			p[n] = c
			n++
		}
	}
	if n == 0 && sr.done {
		return 0, io.EOF
	}
	return n, nil
}

// unescape reads an escape sequence after its backslash. The bytes are
// the scanner's own, valid until the next escape: escapes never allocate.
func (s *scanner) unescape() ([]byte, error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return nil, syntaxf("unterminated escape")
	}
	out := s.esc[:0]
	if i := strings.IndexByte(`"\/bfnrt`, c); i >= 0 {
		return append(out, "\"\\/\b\f\n\r\t"[i]), nil
	}
	if c != 'u' {
		return nil, syntaxf("invalid escape \\%c", c)
	}
	r, err := s.hex4()
	if err != nil {
		return nil, err
	}
	if utf16.IsSurrogate(r) {
		// A surrogate pair is two escapes. A lone surrogate is not text:
		// it is kept as its three bytes, which are not valid UTF-8, so
		// that a text field holding one is refused rather than silently
		// rewritten to U+FFFD.
		if b, _ := s.r.Peek(2); string(b) == `\u` {
			_, _ = s.r.Discard(2)
			r2, err := s.hex4()
			if err != nil {
				return nil, err
			}
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return utf8.AppendRune(out, d), nil
			}
			return appendSurrogate(appendSurrogate(out, r), r2), nil
		}
		return appendSurrogate(out, r), nil
	}
	return utf8.AppendRune(out, r), nil
}

func (s *scanner) hex4() (rune, error) {
	var v rune
	for range 4 {
		c, err := s.r.ReadByte()
		if err != nil {
			return 0, syntaxf("unterminated \\u escape")
		}
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, syntaxf("invalid \\u escape")
		}
		v = v<<4 | rune(c)
	}
	return v, nil
}

// errTooLong is a scalar string over its bound.
var errTooLong = errors.New("too long")

// readString reads a whole string after its opening quote, at most max
// bytes once unescaped.
func (s *scanner) readString(max int) (string, error) {
	var b strings.Builder
	sr := s.string()
	n, err := io.Copy(&b, io.LimitReader(sr, int64(max)+1))
	if err != nil {
		return "", err
	}
	if n > int64(max) {
		return "", errTooLong
	}
	return b.String(), nil
}

// skip skips one value whose first byte was read.
func (s *scanner) skip(first byte, depth int) error {
	if depth > 32 {
		return syntaxf("nested too deep")
	}
	switch first {
	case '"':
		sr := s.string()
		for {
			if _, err := sr.Read(s.buf[:]); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
		}
	case '{', '[':
		end := byte('}')
		if first == '[' {
			end = ']'
		}
		for i := 0; ; i++ {
			c, err := s.next()
			if err != nil {
				return err
			}
			if c == end && i == 0 {
				return nil
			}
			if first == '{' {
				if c != '"' {
					return syntaxf("want a key")
				}
				if err := s.skip('"', depth+1); err != nil {
					return err
				}
				if err := s.expect(':'); err != nil {
					return err
				}
				if c, err = s.next(); err != nil {
					return err
				}
			}
			if err := s.skip(c, depth+1); err != nil {
				return err
			}
			if c, err = s.next(); err != nil {
				return err
			}
			if c == end {
				return nil
			}
			if c != ',' {
				return syntaxf("want ',' or %q", end)
			}
		}
	}
	// A number or a literal: read its characters, then check them.
	tok := append(s.buf[:0], first)
	for len(tok) <= 64 {
		b, err := s.r.Peek(1)
		if err != nil || strings.IndexByte(",}] \t\r\n", b[0]) >= 0 {
			break
		}
		c, _ := s.r.ReadByte()
		tok = append(tok, c)
	}
	if len(tok) > 64 || !strings.ContainsRune("-0123456789tfn", rune(first)) || !json.Valid(tok) {
		return syntaxf("invalid value %.20q", tok)
	}
	return nil
}

// appendSurrogate writes r as UTF-8 would if it allowed surrogates:
// three bytes that utf8.Valid refuses. Other runes are written as UTF-8.
func appendSurrogate(dst []byte, r rune) []byte {
	if !utf16.IsSurrogate(r) {
		return utf8.AppendRune(dst, r)
	}
	return append(dst, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
}

// readKey reads a key after its opening quote, at most max bytes once
// unescaped, into the scanner's buffer: the bytes are valid until the
// next read.
func (s *scanner) readKey(max int) ([]byte, error) {
	sr := s.string()
	n, err := io.ReadFull(sr, s.buf[:max+1])
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return s.buf[:n], nil
	case err != nil:
		return nil, err
	}
	// Longer than max: the rest of the key is read and dropped, so that
	// memory stays bounded whatever its length.
	if _, err := io.Copy(io.Discard, sr); err != nil {
		return nil, err
	}
	return nil, errTooLong
}
