package agency

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sở Thông tin và Truyền thông.", []string{"Sở Thông tin và Truyền thông"}},
		{"Sở Lao động - Thương binh và Xã hội", []string{"Sở Lao động - Thương binh và Xã hội"}},
		{"Văn phòng HĐND và UBND xã", []string{"Văn phòng HĐND và UBND xã"}},
		{"Phòng Văn hoá & Thông tin, Công an thành phố", []string{"Phòng Văn hoá & Thông tin", "Công an thành phố"}},
		{"Sở Văn hóa, Thể thao và Du lịch; Sở Y tế", []string{"Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"}},
		{
			"Công an thành phố; các sở, ban, ngành, đoàn thể; các cơ quan Trung ương đóng trên địa bàn và UBND các quận, huyện, phường, xã.",
			[]string{"Công an thành phố", "các sở, ban, ngành, đoàn thể", "các cơ quan Trung ương đóng trên địa bàn", "UBND các quận, huyện, phường, xã"},
		},
		{
			"Công an thành phố, Phòng Văn hóa và Thông tin và các đơn vị liên quan",
			[]string{"Công an thành phố", "Phòng Văn hóa và Thông tin", "các đơn vị liên quan"},
		},
		{
			"Công an xã, Văn phòng HĐND và UBND xã và các cơ quan, ban ngành thực hiện dịch vụ công thiết yếu.",
			[]string{"Công an xã", "Văn phòng HĐND và UBND xã", "các cơ quan, ban ngành thực hiện dịch vụ công thiết yếu"},
		},
		{"Văn phòng UBND thành phố; Bưu điện thành phố; các sở, ngành có liên quan và UBND các quận, huyện.",
			[]string{"Văn phòng UBND thành phố", "Bưu điện thành phố", "các sở, ngành có liên quan", "UBND các quận, huyện"}},
		{"Sở Tài chính, Sở Thông tin và Truyền thông, Công an thành phố, Sở Kế hoạch và Đầu tư.",
			[]string{"Sở Tài chính", "Sở Thông tin và Truyền thông", "Công an thành phố", "Sở Kế hoạch và Đầu tư"}},
		{"Sở TT&TT, VNPT Đà Nẵng", []string{"Sở TT&TT", "VNPT Đà Nẵng"}},
		{"Công an thành phố (chủ trì, theo dõi), Sở Y tế", []string{"Công an thành phố (chủ trì, theo dõi)", "Sở Y tế"}},
		{"", nil},
		{" ; , ", nil},
	}
	for _, tt := range tests {
		got := Split(tt.in)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitRoles(t *testing.T) {
	tests := []struct{ in, lead, support string }{
		{"Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã và các cơ quan, ban, ngành xã.",
			"Văn phòng HĐND và UBND xã", "Công an xã và các cơ quan, ban, ngành xã."},
		{"Phòng Tư pháp chủ trì phối hợp với Công an thành phố", "Phòng Tư pháp", "Công an thành phố"},
		{"VĂN PHÒNG UBND CHỦ TRÌ, PHỐI HỢP Sở Y tế", "VĂN PHÒNG UBND", "Sở Y tế"},
		{"Các cơ quan, ban, ngành xã.", "Các cơ quan, ban, ngành xã.", ""},
	}
	for _, tt := range tests {
		lead, support := SplitRoles(tt.in)
		if lead != tt.lead || support != tt.support {
			t.Errorf("SplitRoles(%q) = %q, %q; want %q, %q", tt.in, lead, support, tt.lead, tt.support)
		}
	}
}
