package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const importSeedDir = "../../internal/importer/testdata/seeds"

// importSiteDir makes an empty site folder (one with content/).
func importSiteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runImport(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"import"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func importedText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The default: the plan goes into the content tree under its own name, the
// locality gets an _index.md, the report goes to standard error, and a
// second import refuses to overwrite.
func TestImportWritesIntoTheSite(t *testing.T) {
	dir := importSiteDir(t)
	seed := filepath.Join(importSeedDir, "da-nang-46-KH-UBND-2022.txt")
	code, stdout, stderr := runImport(seed, "--locality", "da-nang", "--source", dir)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	plan := filepath.Join(dir, "content", "dia-phuong", "da-nang", "ke-hoach-46-kh-ubnd-2022.md")
	md := importedText(t, plan)
	if !strings.HasPrefix(md, "+++\n") || !strings.Contains(md, "number = \"46/KH-UBND\"\nissued = 2022-03-10\n") {
		t.Errorf("plan file:\n%.600s", md)
	}
	index := importedText(t, filepath.Join(dir, "content", "dia-phuong", "da-nang", "_index.md"))
	if index != "+++\nname = \"Thành phố Đà Nẵng\"\nlevel = \"tinh\"\n+++\n" {
		t.Errorf("_index.md:\n%s", index)
	}
	for _, want := range []string{"38 tasks", "5 sections", "signer        Lê Trung Chinh", "da-nang-46-KH-UBND-2022.txt:137", "created", "the build reads the file without errors"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("report lacks %q:\n%s", want, stderr)
		}
	}

	// Again: the file exists, it is not touched, and the message says what to do.
	if err := os.WriteFile(plan, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runImport("--source", dir, "--locality", "da-nang", seed)
	if code != 1 || !strings.Contains(stderr, "already exists") || !strings.Contains(stderr, "-o") {
		t.Errorf("second import: exit %d, stderr: %s", code, stderr)
	}
	if importedText(t, plan) != "edited by hand" {
		t.Error("the second import overwrote the file")
	}
}

// A locality deeper in the tree: its _index.md is made from the issuer, the
// folders above it that lack one are named in the report.
func TestImportNamesMissingParentLocalities(t *testing.T) {
	dir := importSiteDir(t)
	code, _, stderr := runImport(filepath.Join(importSeedDir, "lac-hong-11-KH-UBND-2022.txt"), "--locality", "content/dia-phuong/hung-yen/van-lam/lac-hong/", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	index := importedText(t, filepath.Join(dir, "content", "dia-phuong", "hung-yen", "van-lam", "lac-hong", "_index.md"))
	if !strings.Contains(index, `name = "Xã Lạc Hồng"`) || !strings.Contains(index, `level = "xa"`) {
		t.Errorf("_index.md:\n%s", index)
	}
	for _, want := range []string{filepath.Join("hung-yen", "van-lam", "_index.md") + " does not exist", filepath.Join("hung-yen", "_index.md") + " does not exist"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("report lacks %q:\n%s", want, stderr)
		}
	}
}

func TestImportToStandardOutputAndToAFile(t *testing.T) {
	seed := filepath.Join(importSeedDir, "hai-phong-31-KH-UBND-2024.txt")
	code, stdout, stderr := runImport(seed, "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, "+++\n") || !strings.Contains(stderr, "25 tasks") || strings.Contains(stdout, "25 tasks") {
		t.Fatalf("-o -: exit %d\nstdout: %.300s\nstderr: %s", code, stdout, stderr)
	}

	out := filepath.Join(t.TempDir(), "plan.md")
	code, stdout2, stderr := runImport("-o", out, seed)
	if code != 0 || stderr != "" || !strings.Contains(stdout2, "25 tasks") {
		t.Fatalf("-o FILE: exit %d\nstdout: %s\nstderr: %s", code, stdout2, stderr)
	}
	if importedText(t, out) != stdout {
		t.Error("-o FILE and -o - wrote different Markdown")
	}
	code, _, stderr = runImport("-o", out, seed)
	if code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("-o FILE again: exit %d, stderr: %s", code, stderr)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "tcvn3.txt")
	if err := os.WriteFile(legacy, []byte("KẾ HOẠCH\nabc\nx\xa9y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	news := filepath.Join(importSeedDir, "da-nang-5289-UBND-CATP-2024-news.txt")
	plan := filepath.Join(importSeedDir, "hue-2274-KH-UBND-2022.txt")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no such file", []string{filepath.Join(dir, "nope.txt"), "-o", "-"}, 1, "cannot read " + filepath.Join(dir, "nope.txt") + ": no such file"},
		{"a folder", []string{dir, "-o", "-"}, 1, "cannot read"},
		{"not UTF-8", []string{legacy, "-o", "-"}, 1, legacy + ":3: this line is not UTF-8"},
		{"a news item", []string{news, "-o", "-"}, 1, news + `:1: no "KẾ HOẠCH" title`},
		{"no file", []string{"--locality", "hue"}, 2, "give exactly one text file"},
		{"two files", []string{plan, plan, "-o", "-"}, 2, "give exactly one text file"},
		{"nowhere to write", []string{plan}, 2, "say where the plan goes with --locality"},
		{"locality not a slug", []string{plan, "--locality", "Thừa Thiên Huế"}, 2, `"Thừa Thiên Huế" is not a URL slug: write "thua-thien-hue"`},
		{"locality climbs out", []string{plan, "--locality", "../x"}, 2, `without "." or ".."`},
		{"a name the site uses", []string{plan, "--locality", "da-nang/han-chot"}, 2, "the site uses for its own pages"},
		{"not a site", []string{plan, "--locality", "hue", "--source", dir}, 1, "is not a minhbach site"},
		{"unknown flag", []string{plan, "--frobnicate"}, 2, "flag provided but not defined"},
		{"help", []string{"--help"}, 0, "Usage: minhbach import"},
	}
	for _, tt := range tests {
		code, _, stderr := runImport(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%s: exit %d, want %d\nstderr: %s\nwant it to contain %q", tt.name, code, tt.code, stderr, tt.stderr)
		}
	}
}

// A plan whose text states no number cannot be named: nothing is written
// into the site, and the report says what is missing.
func TestImportWithoutNumberIsNotWrittenIntoTheSite(t *testing.T) {
	dir := importSiteDir(t)
	src := filepath.Join(t.TempDir(), "plan.txt")
	if err := os.WriteFile(src, []byte("KẾ HOẠCH\nVIỆC\nI. NHIỆM VỤ\n1. Kết nối.\n- Cơ quan chủ trì: Công an.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runImport(src, "--locality", "ha-noi", "--source", dir)
	if code != 1 || !strings.Contains(stderr, "cannot name the file") || !strings.Contains(stderr, "missing: number") {
		t.Errorf("exit %d\nstderr: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "dia-phuong")); err == nil {
		t.Error("something was written into the site")
	}
}
