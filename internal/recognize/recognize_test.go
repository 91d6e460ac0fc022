package recognize

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

// parse parses body as the Markdown of a plan whose body starts on line 5.
func parse(t *testing.T, body string) (*Result, *diag.List) {
	t.Helper()
	f := &content.File{Path: "plan.md", Body: []byte(body), BodyLine: 5}
	var diags diag.List
	return Plan(content.NewParser().Parse(f), &diags), &diags
}

type taskWant struct {
	id, title, lead, support, due, product string
	leads, supports                        []string
	targets                                []string
}

func TestTaskRecognition(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []taskWant
	}{
		{
			name: "Đà Nẵng: dash fields under a dotted number",
			body: `## III. NỘI DUNG THỰC HIỆN

### 2. Phục vụ giải quyết thủ tục hành chính

#### 2.1. Hướng dẫn các sở thực hiện tích hợp

- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
- Cơ quan phối hợp: Công an thành phố; các sở, ban, ngành, đoàn thể.
- Thời gian thực hiện: Trong tháng 02 năm 2022.
`,
			want: []taskWant{{id: "2.1", title: "Hướng dẫn các sở thực hiện tích hợp",
				lead: "Sở Thông tin và Truyền thông.", support: "Công an thành phố; các sở, ban, ngành, đoàn thể.",
				due: "Trong tháng 02 năm 2022.", leads: []string{"Sở Thông tin và Truyền thông"},
				supports: []string{"Công an thành phố", "các sở, ban, ngành, đoàn thể"}}},
		},
		{
			name: "Lạc Hồng: description paragraph, 'chủ trì, phối hợp' in one field, labels without diacritics or case",
			body: `### 3. Phục vụ phát triển kinh tế, xã hội

Tham mưu phối hợp Bộ Công an triển khai ứng dụng.

- CO QUAN THUC HIEN: Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã và các cơ quan, ban, ngành xã.
- thời gian hoàn thành: Trong tháng 9 năm 2022.
`,
			want: []taskWant{{id: "3", title: "Phục vụ phát triển kinh tế, xã hội",
				lead: "Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã và các cơ quan, ban, ngành xã.",
				due:  "Trong tháng 9 năm 2022.", leads: []string{"Văn phòng HĐND và UBND xã"},
				supports: []string{"Công an xã", "các cơ quan, ban, ngành xã"}}},
		},
		{
			name: "Hải Phòng: (n) under a) under 2., nested targets, 'Đơn vị chủ trì tham mưu'",
			body: `### 2. Nhiệm vụ, giải pháp cụ thể

#### a) Nhóm tham mưu

##### (1) Xây dựng cơ chế kiểm tra

- Chỉ tiêu thực hiện:
  - 100% TTHC đủ điều kiện.
  - 90% người dân hài lòng.
- Đơn vị chủ trì tham mưu: Công an thành phố, Văn phòng UBND thành phố.
- Đơn vị phối hợp: Các sở, ngành có liên quan và UBND các quận, huyện.
- Thời gian thực hiện: Quý II/2024.
- Sản phẩm: Kế hoạch kiểm tra.
`,
			want: []taskWant{{id: "2.a.1", title: "Xây dựng cơ chế kiểm tra",
				lead: "Công an thành phố, Văn phòng UBND thành phố.", support: "Các sở, ngành có liên quan và UBND các quận, huyện.",
				due: "Quý II/2024.", product: "Kế hoạch kiểm tra.",
				leads:    []string{"Công an thành phố", "Văn phòng UBND thành phố"},
				supports: []string{"Các sở, ngành có liên quan", "UBND các quận, huyện"},
				targets:  []string{"100% TTHC đủ điều kiện.", "90% người dân hài lòng."}}},
		},
		{
			name: "group fields are defaults for the tasks under it",
			body: `#### 5.1. Kết nối dữ liệu

- Cơ quan thực hiện: Công an xã.

##### (1) Kết nối với bảo hiểm

- Thời gian hoàn thành: Trong tháng 3 năm 2022.

##### (2) Kết nối với đất đai

- Cơ quan thực hiện: Văn phòng UBND xã.
- Thời gian hoàn thành: Trong tháng 6 năm 2022.
`,
			want: []taskWant{
				{id: "5.1.1", title: "Kết nối với bảo hiểm", lead: "Công an xã.", due: "Trong tháng 3 năm 2022.", leads: []string{"Công an xã"}},
				{id: "5.1.2", title: "Kết nối với đất đai", lead: "Văn phòng UBND xã.", due: "Trong tháng 6 năm 2022.", leads: []string{"Văn phòng UBND xã"}},
			},
		},
		{
			name: "headings and lists that are not tasks",
			body: `## I. MỤC ĐÍCH

### 1. Mục đích

- Ứng dụng cơ sở dữ liệu: phục vụ người dân.

Nơi nhận:

- Lưu: VT.
`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, diags := parse(t, tt.body)
			for _, d := range diags.Items() {
				t.Errorf("unexpected: %s", d.Error())
			}
			if len(res.Tasks) != len(tt.want) {
				t.Fatalf("%d tasks, want %d", len(res.Tasks), len(tt.want))
			}
			for i, w := range tt.want {
				got := res.Tasks[i]
				gotW := taskWant{got.ID, got.Title, got.LeadText, got.SupportText, got.Due, got.Product, model.Texts(got.Lead), model.Texts(got.Support), got.Targets}
				if !reflect.DeepEqual(gotW, w) {
					t.Errorf("task %d\n got %#v\nwant %#v", i, gotW, w)
				}
			}
		})
	}
}

func TestRecognitionErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // file:line:col and a word of the message
		once       bool   // the diagnostic must be the only one
	}{
		{
			name: "task heading with no fields beside a task",
			body: "### 2. Nhóm\n\n#### 2.1. Có trường\n\n- Cơ quan chủ trì: Sở Y tế.\n\n#### 2.2. Thiếu trường\n\nChỉ có đoạn văn.\n",
			want: "plan.md:11:6: error: task heading \"2.2\" has no fields",
		},
		{
			name: "unknown label in a field list",
			body: "#### 1. Nhiệm vụ\n\n- Cơ quan chủ trì: Sở Y tế.\n- Thời điểm: Quý I/2022.\n",
			want: "plan.md:8:3: error: \"Thời điểm\" is not a field label",
		},
		{
			name: "a bad label in a group is reported once, not once per task under it",
			body: "#### 5.1. Nhóm\n\n- Cơ quan chủ trì: A.\n- Thời điểm: X.\n\n##### (1) Một\n\n- Thời gian thực hiện: Quý I/2022.\n\n##### (2) Hai\n\n- Thời gian thực hiện: Quý II/2022.\n",
			want: "plan.md:8:3: error: \"Thời điểm\" is not a field label",
			once: true,
		},
		{
			name: "duplicate task id",
			body: "#### 1. Một\n\n- Cơ quan chủ trì: A.\n\n#### 1. Hai\n\n- Cơ quan chủ trì: B.\n",
			want: "plan.md:9:6: error: task id \"1\" is already used by the task on line 5",
		},
		{
			name: "ragged Phụ lục row",
			body: "## Phụ lục I. Danh mục\n\n| TT | Tên | Cấp độ |\n|---|---|---|\n| 1 | Khai sinh | 4 |\n| 2 | Khai tử |\n",
			want: "plan.md:10:1: error: Phụ lục I: this row has 2 cells but the header has 3",
		},
		{
			name: "Phụ lục heading without a table",
			body: "## Phụ lục II\n\nKhông có bảng.\n",
			want: "plan.md:5:4: error: \"Phụ lục II\" has no table",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, tt.body)
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.Error())
			}
			if tt.once && len(got) != 1 {
				t.Errorf("want exactly one diagnostic, got %q", got)
			}
			for _, g := range got {
				if strings.HasPrefix(g, tt.want) {
					return
				}
			}
			t.Errorf("want a diagnostic starting %q, got %q", tt.want, got)
		})
	}
}

func TestAppendix(t *testing.T) {
	body := `## Phụ lục II. Chi tiết nhiệm vụ

*(Kèm theo Kế hoạch số 2274/KH-UBND)*

| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian dự kiến | Sản phẩm |
|---|---|---|---|---|---|
| **I** | **CÔNG TÁC CHUẨN BỊ** | | | | |
| 1 | Thành lập Tổ công tác | Công an thành phố | Văn phòng HĐND&UBND TP và các đơn vị liên quan | Quý I năm 2022. | Quyết định |
| 2 | Xây dựng Quy chế | Công an thành phố | Phòng Tư pháp<br>Văn phòng HĐND&UBND TP | Quý I năm 2022 | Quy chế |
| **II** | **NGHIÊN CỨU** | | | | |
| 1 | Tham gia góp ý \| pháp luật | Phòng Tư pháp | | | |
`
	res, diags := parse(t, body)
	if diags.Len() > 0 {
		t.Fatalf("unexpected: %v", diags.Items())
	}
	if len(res.Appendices) != 1 {
		t.Fatalf("%d appendices", len(res.Appendices))
	}
	a := res.Appendices[0]
	if a.Name != "Phụ lục II" || a.Title != "Chi tiết nhiệm vụ" || a.Slug != "phu-luc-ii" {
		t.Errorf("name %q title %q slug %q", a.Name, a.Title, a.Slug)
	}
	if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "2274/KH-UBND") {
		t.Errorf("notes %q", a.Notes)
	}
	sections := []bool{}
	for _, r := range a.Rows {
		sections = append(sections, r.Section)
	}
	if !reflect.DeepEqual(sections, []bool{true, false, false, true, false}) {
		t.Errorf("section rows %v", sections)
	}
	if a.Rows[2].Cells[3] != "Phòng Tư pháp\nVăn phòng HĐND&UBND TP" {
		t.Errorf("<br> cell = %q", a.Rows[2].Cells[3])
	}

	var d diag.List
	tasks := TasksFromAppendix(a, &d)
	if d.Len() > 0 {
		t.Fatalf("unexpected: %v", d.Items())
	}
	var ids []string
	for _, tk := range tasks {
		ids = append(ids, tk.ID)
	}
	if !reflect.DeepEqual(ids, []string{"I.1", "I.2", "II.1"}) {
		t.Fatalf("ids %v", ids)
	}
	t2 := tasks[1]
	if !reflect.DeepEqual(model.Texts(t2.Support), []string{"Phòng Tư pháp", "Văn phòng HĐND&UBND TP"}) {
		t.Errorf("support %q", model.Texts(t2.Support))
	}
	if !reflect.DeepEqual(t2.Sections, []string{"Phụ lục II", "I. CÔNG TÁC CHUẨN BỊ"}) {
		t.Errorf("sections %q", t2.Sections)
	}
	if tasks[2].Title != "Tham gia góp ý | pháp luật" || tasks[2].Anchor != "phu-luc-ii-ii-1" {
		t.Errorf("escaped pipe title %q anchor %q", tasks[2].Title, tasks[2].Anchor)
	}
}

func TestPhases(t *testing.T) {
	res, _ := parse(t, "#### 2.1. Nhóm tiện ích\n\n##### Giai đoạn năm 2022 - 2023\n\n- Hoàn thành A.\n- Hoàn thành B.\n\n##### Năm 2022 và những năm tiếp theo\n\n- Duy trì C.\n")
	want := []*model.Phase{
		{Name: "Giai đoạn năm 2022 - 2023", Section: "2.1. Nhóm tiện ích", Targets: []string{"Hoàn thành A.", "Hoàn thành B."}},
		{Name: "Năm 2022 và những năm tiếp theo", Section: "2.1. Nhóm tiện ích", Targets: []string{"Duy trì C."}},
	}
	if !reflect.DeepEqual(res.Phases, want) {
		t.Errorf("phases %+v", res.Phases)
	}
}

func TestQualify(t *testing.T) {
	tests := []struct {
		own       string
		ancestors []string
		want      string
	}{
		{"5.1.1", []string{"III.", "5.", "5.1."}, "5.1.1"},
		{"(1)", []string{"II.", "2.", "a)"}, "2.a.1"},
		{"(2)", []string{"5.1."}, "5.1.2"},
		{"1.", []string{"III."}, "1"},
		{"a)", nil, "a"},
	}
	for _, tt := range tests {
		var ms []marker
		for _, a := range tt.ancestors {
			ms = append(ms, parseMarker(a+" x"))
		}
		if got := qualify(parseMarker(tt.own+" x"), ms); got != tt.want {
			t.Errorf("qualify(%s, %v) = %s, want %s", tt.own, tt.ancestors, got, tt.want)
		}
	}
}

func BenchmarkPlan(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("## III. NỘI DUNG\n\n")
	for i := range 40 {
		sb.WriteString("#### 2." + string(rune('0'+i%10)) + ". Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư\n\n")
		sb.WriteString("- Cơ quan chủ trì: Công an thành phố.\n- Cơ quan phối hợp: Sở Thông tin và Truyền thông; các sở, ban, ngành.\n- Thời gian thực hiện: Trong tháng 02 năm 2022.\n\n")
	}
	body := []byte(sb.String())
	p := content.NewParser()
	b.ReportAllocs()
	for b.Loop() {
		var d diag.List
		Plan(p.Parse(&content.File{Path: "b.md", Body: body, BodyLine: 1}), &d)
	}
}
