package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An editor's first minutes: new files from templates, check says what to
// fill in, in Vietnamese by default, and passes once it is filled in.
func TestNewThenCheck(t *testing.T) {
	dir := t.TempDir()
	runOK := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out.String(), errb.String())
		}
		return out.String()
	}
	runOK("new", "locality", "thu", "Xã Thử", "--level", "xa", "--source", dir)
	runOK("new", "plan", "thu", "--number", "12/KH-UBND", "--issued", "2024-03-10", "--source", dir)

	var out, errb bytes.Buffer
	if code := run([]string{"check", "--source", dir}, &out, &errb); code != 1 {
		t.Fatalf("check of an unfilled plan: exit %d, want 1\n%s", code, out.String())
	}
	plan := filepath.Join(dir, "content", "dia-phuong", "thu", "ke-hoach-12-kh-ubnd-2024.md")
	for _, want := range []string{
		"ke-hoach-12-kh-ubnd-2024.md:7:1: error: kế hoạch chưa có tiêu đề (title)",
		"2 lỗi, 0 cảnh báo.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	run([]string{"check", "--source", dir, "--lang", "en"}, &out, &errb)
	if !strings.Contains(out.String(), "error: plan has no title") {
		t.Errorf("--lang en:\n%s", out.String())
	}

	b, _ := os.ReadFile(plan)
	s := strings.NewReplacer(`title = ""`, `title = "Kế hoạch thử"`, `issuer = ""`, `issuer = "Ủy ban nhân dân xã Thử"`).Replace(string(b)) +
		"\n#### 1. Việc một\n\n- Cơ quan chủ trì: Công an xã\n- Thời gian thực hiện: Sớm nhất có thể\n"
	if err := os.WriteFile(plan, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// One warning left (the unread deadline): fine, unless --strict.
	if out := runOK("check", "--source", dir); !strings.Contains(out, "0 lỗi, 1 cảnh báo.") {
		t.Errorf("filled plan:\n%s", out)
	}
	if code := run([]string{"check", "--strict", "--source", dir}, &out, &errb); code != 1 {
		t.Errorf("--strict with a warning: exit %d, want 1", code)
	}
	// new never overwrites.
	errb.Reset()
	if code := run([]string{"new", "plan", "thu", "--number", "12/KH-UBND", "--issued", "2024-03-10", "--source", dir}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "already exists") {
		t.Errorf("new over an existing file: exit %d, %s", code, errb.String())
	}
	if b2, _ := os.ReadFile(plan); string(b2) != s {
		t.Error("the existing plan changed")
	}
}

func TestCheckRejectsAnUnknownLanguage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"check", "--lang", "fr"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "--lang vi") {
		t.Errorf("exit %d, %s", code, errb.String())
	}
}

// check --catalog lists each catalogue item with the tasks linked to it,
// how and where, for an editor to review.
func TestCheckCatalogReview(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"check", "--catalog", "--source", "../..", "--as-of", "2024-09-30"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	for _, want := range []string{
		"ket-noi-bao-hiem — ",
		"content/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022.md:",
		"46/KH-UBND 5.1.1 (từ khóa): Kết nối, chia sẻ dữ liệu",
		"Danh mục so sánh: ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check --catalog lacks %q", want)
		}
	}
}
