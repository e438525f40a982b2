package sowell

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strconv"
)

// sniffLen is the bytes PhotoName looks at, as http.DetectContentType.
const sniffLen = 512

// PhotoName names the n-th photo of a report (from 1) for the CRM's
// "Fichiers" tab, "photo-<n>.<ext>", the extension following the content's
// first bytes: .jpg, .png, .gif, .webp, .bmp, .ico, .tif, .heic, .avif,
// .pdf, .mp4, .webm; content of no recognised kind keeps .jpg, the
// notes' fields being photos.
func PhotoName(n int, head []byte) string {
	return "photo-" + strconv.Itoa(n) + extension(head)
}

func extension(head []byte) string {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" {
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return ".heic"
		case "avif", "avis":
			return ".avif"
		}
	}
	if bytes.HasPrefix(head, []byte("II*\x00")) || bytes.HasPrefix(head, []byte("MM\x00*")) {
		return ".tif"
	}
	switch http.DetectContentType(head) {
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "image/bmp":
		return ".bmp"
	case "image/x-icon":
		return ".ico"
	case "application/pdf":
		return ".pdf"
	case "video/mp4":
		return ".mp4"
	case "video/webm":
		return ".webm"
	}
	return ".jpg"
}

// sniff returns the photo's first bytes and a reader of all of it.
func sniff(r io.Reader) ([]byte, io.Reader) {
	br := bufio.NewReaderSize(r, sniffLen)
	head, _ := br.Peek(sniffLen)
	return head, br
}
