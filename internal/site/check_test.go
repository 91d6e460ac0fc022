package site

import (
	"strings"
	"testing"
)

// Each problem class check reports, on a small fixture, at its exact place.
func TestCheckFindsEachProblemAtItsPlace(t *testing.T) {
	plan := `+++
kind = "plan"
title = "Kế hoạch thử"
number = "%s"
issued = 2022-01-01
issuer = "Ủy ban nhân dân xã Thử"
+++
Xem [nhiệm vụ 1](#nv-1), [trang không có](#khong-co), [xã](/dia-phuong/thu/) và [kế hoạch khác](/dia-phuong/khac/).

#### 1. Việc một

- Cơ quan chủ trì: Công an xã.
- Thời gian thực hiện: Sớm nhất có thể.

#### 2. Việc hai

- Cơ quan phối hợp: Công an xã.

#### 3. Việc ba

- Cơ quan chủ trì: Công an xã.
- Thời gian thực hiện:
`
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"editorial", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "1/KH-UBND", 1)}, []string{
			`ke-hoach-1.md:8:26: warning: link "#khong-co" names no heading, task or table on this page`,
			`ke-hoach-1.md:8:81: warning: link "/dia-phuong/khac/" leads to no page of the site`,
			`ke-hoach-1.md:13:3: warning: task 1: cannot read the deadline "Sớm nhất có thể."`,
			`ke-hoach-1.md:15:6: warning: task 2 has no lead agency`,
			`ke-hoach-1.md:15:6: warning: task 2 has no deadline field`,
		}},
		{"plan number", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "Kế hoạch 1", 1)}, []string{
			`ke-hoach-1.md:1:1: warning: number = "Kế hoạch 1" does not look like a document number`,
		}},
		{"duplicate task id", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "1/KH-UBND", 1) + "\n#### 1. Lại việc một\n\n- Cơ quan chủ trì: Công an xã.\n"}, []string{
			`ke-hoach-1.md:24:6: error: task id "1" is already used by the task on line 10`,
		}},
		{"ragged Phụ lục", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "1/KH-UBND", 1) + "\n## Phụ lục I\n\n| TT | Tên |\n|---|---|\n| 1 | A | thừa |\n"}, []string{
			`ke-hoach-1.md:28:1: error: Phụ lục I: this row has 3 cells but the header has 2`,
		}},
		{"update naming an unknown task", map[string]string{
			"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "1/KH-UBND", 1),
			"content/dia-phuong/thu/cap-nhat.md":   "+++\nkind = \"update\"\ntitle = \"Báo cáo\"\ndate = 2022-06-01\n\n[[status]]\nplan = \"1/KH-UBND\"\ntask = \"9\"\nstate = \"hoàn thành\"\n+++\n",
		}, []string{`cap-nhat.md:6:1: error: [[status]] task = "9" is not a task of 1/KH-UBND`}},
		{"unknown agency", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(strings.Replace(plan, "%s", "1/KH-UBND", 1), "- Cơ quan phối hợp: Công an xã.", "- Cơ quan phối hợp: Công an xã, Sở Ngoại giao và các ban, ngành.", 1)}, []string{
			`ke-hoach-1.md:17:3: warning: task 2: "Sở Ngoại giao" names no agency of data/agencies.toml`,
		}},
		{"catalog naming no item", map[string]string{"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(strings.Replace(plan, "%s", "1/KH-UBND", 1), "+++\nXem", "\n[tasks.\"1\"]\ncatalog = [\"khong-co\"]\n+++\nXem", 1)}, []string{
			`ke-hoach-1.md:9:1: error: task 1: catalog = "khong-co" names no item of data/catalog.toml`,
		}},
		{"alias naming no agency", map[string]string{
			"content/dia-phuong/thu/_index.md":     "+++\nname = \"Xã Thử\"\nlevel = \"xa\"\n\n[[alias]]\ntext = \"CAX\"\nagency = \"cong-an/khac\"\n+++\n",
			"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(plan, "%s", "1/KH-UBND", 1),
		}, []string{`thu/_index.md:5:1: error: [[alias]] "CAX": agency = "cong-an/khac" is no agency`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/dia-phuong/thu/_index.md": locality}
			for k, v := range tt.files {
				files[k] = v
			}
			diags, err := Check(writeTree(t, files), asOf)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.Error())
			}
			all := strings.Join(got, "\n")
			if tt.name == "editorial" && len(got) != len(tt.want) {
				t.Errorf("%d problems, want exactly %d (the good links and fields are not problems):\n%s", len(got), len(tt.want), all)
			}
			for _, want := range tt.want {
				if !strings.Contains(all, want) {
					t.Errorf("no %q in:\n%s", want, all)
				}
			}
		})
	}
}

// The bundled content has nothing to fix: make test runs check --strict.
func TestCheckBundledContentIsClean(t *testing.T) {
	diags, err := Check("../..", asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Items() {
		t.Error(d.Error())
	}
}
