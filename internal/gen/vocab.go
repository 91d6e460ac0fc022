package gen

// The words of the corpus. Titles, paragraphs and targets are taken from
// the bundled plans (Đà Nẵng 46/KH-UBND, xã Lạc Hồng 11/KH-UBND, Huế
// 2274/KH-UBND, Hải Phòng 31/KH-UBND) and the items of data/catalog.toml,
// so that the comparison pages and the agency pages fill as they would
// with real plans. In every text, {db} is the locality as running text
// ("tỉnh An Bình"), {cap} its unit word ("tỉnh") and {y} the plan's year.

// theme is a part of the programme: a section of a plan.
type theme struct {
	title  string // the section heading in Đà Nẵng's and Lạc Hồng's words
	upper  string // the section row of a Phụ lục II (Huế)
	group  string // the group heading of Hải Phòng's plan
	weight int    // how many of a plan's tasks it takes, relatively
	// subgroup heads the tasks a plan numbers one level deeper (Đà Nẵng's
	// 5.1 above 5.1.1 … 5.1.7).
	subgroup string
	titles   []title
}

// title is a task's title and the agencies such a task names: the role of
// its lead and of its usual supporters (see roles in agencies.go).
type title struct {
	text    string
	lead    string
	support []string
}

var themes = []theme{
	{
		title: "Công tác chuẩn bị, tổ chức triển khai", upper: "CÔNG TÁC CHUẨN BỊ",
		group: "Nhóm tham mưu, chỉ đạo, triển khai", weight: 2,
		subgroup: "Tổ chức bộ máy, cơ chế phối hợp và bảo đảm điều kiện triển khai",
		titles: []title{
			{"Thành lập Tổ công tác triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia trên địa bàn {db}", "police", []string{"office", "justice"}},
			{"Xây dựng Quy chế hoạt động của Tổ công tác triển khai Đề án 06 trên địa bàn {db}", "police", []string{"justice", "office"}},
			{"Kiện toàn Tổ công tác triển khai Đề án 06 các cấp, phân công rõ người, rõ việc, rõ trách nhiệm", "police", []string{"home", "office"}},
			{"Tổ chức thực hiện công tác truyền thông về Đề án 06 và phổ biến hoạt động của Tổ công tác triển khai Đề án 06 {cap}", "ict", []string{"police"}},
			{"Đẩy mạnh công tác tuyên truyền, nâng cao nhận thức về mục đích, ý nghĩa và lợi ích của Đề án 06/CP đến mọi tầng lớp nhân dân", "ict", []string{"police", "youth"}},
			{"Lập dự toán và quản lý kinh phí triển khai thực hiện Kế hoạch triển khai Đề án 06 năm {y}", "finance", []string{"police", "office"}},
			{"Bố trí kinh phí năm {y} để triển khai bảo đảm hiệu quả, đồng bộ các nhiệm vụ của Đề án 06/CP", "finance", []string{"ict", "police", "planning"}},
			{"Xây dựng cơ chế kiểm tra, giám sát để hướng dẫn, giải đáp vướng mắc cho cấp cơ sở", "police", []string{"office"}},
			{"Nghiên cứu, rà soát, đề xuất sửa đổi, bổ sung các quy định của pháp luật để sử dụng Cơ sở dữ liệu quốc gia về dân cư phục vụ thực hiện các thủ tục hành chính trên môi trường điện tử", "justice", []string{"police", "office"}},
			{"Nghiên cứu tổng hợp những vấn đề từ thực tiễn cần phải điều chỉnh bằng văn bản quy phạm pháp luật để đề xuất đưa vào dự thảo các văn bản liên quan", "office", []string{"police", "justice"}},
		},
	},
	{
		title: "Phục vụ giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến", upper: "PHỤC VỤ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN",
		group: "Nhóm dịch vụ công, giải quyết TTHC", weight: 5,
		subgroup: "Triển khai các dịch vụ công thiết yếu tại Phụ lục I của Đề án 06/CP bảo đảm thực hiện chuẩn hóa, tái cấu trúc quy trình",
		titles: []title{
			{"Hướng dẫn các cơ quan, đơn vị thực hiện tích hợp, kết nối và chia sẻ dữ liệu dân cư giữa Cơ sở dữ liệu quốc gia về dân cư với Cổng dịch vụ công quốc gia, hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh phục vụ xác thực, chia sẻ thông tin công dân khi thực hiện thủ tục hành chính theo nguyên tắc không yêu cầu khai báo lại các thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư", "ict", []string{"police", "office"}},
			{"Triển khai hệ thống định danh và xác thực điện tử, bảo đảm đáp ứng các yêu cầu tại Quyết định số 34/2021/QĐ-TTg ngày 08 tháng 11 năm 2021 của Thủ tướng Chính phủ", "police", []string{"ict"}},
			{"Thực hiện kết nối, tích hợp hệ thống xác thực định danh điện tử của Bộ Công an với Cổng dịch vụ công quốc gia phục vụ định danh, xác thực, tạo lập tài khoản điện tử của cá nhân trong giải quyết thủ tục hành chính", "police", []string{"office", "ict"}},
			{"Triển khai giải pháp hỗ trợ cơ quan Tư pháp dùng chung hạ tầng của ngành Công an trong việc đăng ký khai sinh, cấp số định danh cá nhân tại cấp xã đảm bảo đồng bộ, hiệu quả", "police", []string{"justice", "office"}},
			{"Triển khai các dịch vụ công thiết yếu (tại Phụ lục I ban hành kèm theo Đề án 06/CP) bảo đảm thực hiện chuẩn hóa, tái cấu trúc quy trình, đơn giản hóa thủ tục hành chính sử dụng xác thực, chia sẻ dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư", "office", []string{"police", "ict"}},
			{"Thực hiện số hóa hồ sơ và tái sử dụng kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính có liên quan đến thông tin, giấy tờ cá nhân trong tiếp nhận, giải quyết thủ tục hành chính", "office", []string{"police", "ict"}},
			{"Triển khai theo dõi, đánh giá các chỉ tiêu kết nối, tích hợp, chia sẻ dữ liệu dân cư phục vụ xác thực, định danh và giải quyết thủ tục hành chính trên hệ thống đánh giá việc giải quyết thủ tục hành chính của Cổng dịch vụ công quốc gia", "office", []string{"police", "ict"}},
			{"Xây dựng và triển khai giải pháp hỗ trợ sử dụng Cơ sở dữ liệu quốc gia về dân cư để lưu trữ, quản lý các dữ liệu liên quan đến công dân trong trường hợp chưa có cơ sở dữ liệu chuyên ngành", "police", []string{"ict"}},
			{"Triển khai cung cấp dịch vụ xác thực thông tin đối với các đương sự, bị can, bị cáo, người tham gia tố tụng trên Cổng dịch vụ của Tòa án nhân dân để phục vụ triển khai tố tụng điện tử và xét xử trực tuyến", "police", []string{"court"}},
			{"Triển khai kết nối Cơ sở dữ liệu quốc gia về dân cư với hệ thống quản lý án điện tử của Tòa án nhân dân xác minh định danh điện tử đối với thông tin liên quan đến đương sự, bị can, bị cáo phục vụ cho hoạt động của Tòa án điện tử", "police", []string{"court", "procuracy"}},
			{"Rà soát từng dịch vụ công, thực hiện tái cấu trúc quy trình, đơn giản hóa TTHC, cắt giảm các thành phần hồ sơ đã sử dụng dữ liệu dân cư", "ict", []string{"office", "police"}},
			{"Đánh giá các dữ liệu nào có, dữ liệu nào chưa có và đề xuất cắt giảm các giấy tờ đối với các TTHC của {cap}", "ict", []string{"office", "police"}},
			{"Rà soát, thống kê lựa chọn 25 TTHC có lượng hồ sơ giao dịch phát sinh nhiều, đưa ra giải pháp trọng tâm, đột phá để thực hiện dịch vụ công trực tuyến trên Hệ thống thông tin giải quyết TTHC của {cap}", "ict", []string{"office"}},
			{"Thực hiện việc kết nối, tích hợp SSO và làm sạch tài khoản trên Cổng dịch vụ công", "ict", []string{"police"}},
			{"Xác thực số Chứng minh nhân dân với Căn cước công dân để phục vụ kết nối, chia sẻ dữ liệu thuế, bảo đảm người nộp thuế không phải khai báo lại các thông tin đã thay đổi", "tax", []string{"police"}},
			{"Chỉ đạo lực lượng Công an các cấp phối hợp chặt chẽ với đơn vị Bưu điện trên địa bàn hướng dẫn người dân thực hiện dịch vụ công trực tuyến", "police", []string{"post", "office"}},
			{"Triển khai thực hiện dịch vụ công thiết yếu “Đăng ký khai sinh”, “Đăng ký kết hôn”, “Đăng ký khai tử” trên Cổng dịch vụ công quốc gia", "justice", []string{"police"}},
			{"Triển khai thực hiện dịch vụ công thiết yếu “Đăng ký thường trú”, “Đăng ký tạm trú”, “Khai báo tạm vắng”, “Thông báo lưu trú”", "police", []string{"office"}},
			{"Triển khai liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "justice", []string{"police", "insurance"}},
			{"Triển khai liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "justice", []string{"police", "insurance", "labour"}},
			{"Triển khai dịch vụ công giảm trừ mức đóng trong trường hợp gia hạn thẻ bảo hiểm y tế theo hộ gia đình", "insurance", []string{"police"}},
			{"Triển khai dịch vụ công đăng ký thuế lần đầu, thay đổi thông tin đăng ký thuế của hộ gia đình, cá nhân", "tax", []string{"police"}},
			{"Triển khai dịch vụ công đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "land", []string{"police"}},
			{"Triển khai dịch vụ công cấp đổi giấy phép lái xe, cấp lại giấy phép lái xe", "transport", []string{"police"}},
			{"Triển khai dịch vụ công đăng ký dự thi tốt nghiệp trung học phổ thông, xét tuyển đại học, cao đẳng", "education", []string{"police"}},
			{"Triển khai dịch vụ công giải quyết hưởng trợ cấp thất nghiệp", "labour", []string{"insurance", "police"}},
			{"Triển khai dịch vụ công cấp điện mới từ lưới điện hạ áp, thay đổi chủ thể hợp đồng mua bán điện", "industry", []string{"police"}},
			{"Triển khai dịch vụ công đăng ký, cấp biển số mô tô, xe gắn máy và nộp phạt vi phạm giao thông qua thiết bị ghi hình (phạt nguội)", "police", []string{"ict"}},
			{"Triển khai dịch vụ công xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân", "police", []string{"office"}},
		},
	},
	{
		title: "Phục vụ phát triển kinh tế, xã hội", upper: "PHỤC VỤ PHÁT TRIỂN KINH TẾ, XÃ HỘI",
		group: "Nhóm phát triển kinh tế, xã hội", weight: 2,
		subgroup: "Ứng dụng dữ liệu dân cư, định danh và xác thực điện tử trong các lĩnh vực của đời sống, xã hội",
		titles: []title{
			{"Triển khai ứng dụng các tính năng của chip điện tử gắn trên thẻ Căn cước công dân và ứng dụng VNeID trong các lĩnh vực của đời sống, xã hội, nhất là các lĩnh vực ngân hàng, tài chính, viễn thông, điện, nước", "police", []string{"bank", "ict"}},
			{"Tổ chức triển khai hoạt động định danh và xác thực điện tử phục vụ phát triển kinh tế, xã hội với việc tham gia của các doanh nghiệp trong hoạt động cung cấp dịch vụ định danh và xác thực điện tử", "police", []string{"ict"}},
			{"Xây dựng nền tảng kết nối ký số, hỗ trợ xác thực các doanh nghiệp trong cung cấp chứng thư số cho các ứng dụng giao dịch điện tử, liên thông với Cơ sở dữ liệu quốc gia về dân cư", "police", []string{"ict"}},
			{"Thúc đẩy việc mở tài khoản an sinh xã hội cho công dân được hưởng chính sách an sinh xã hội, thực hiện chi trả trợ cấp không dùng tiền mặt", "labour", []string{"police", "bank"}},
			{"Đẩy mạnh việc chi trả lương hưu, trợ cấp bảo hiểm xã hội hàng tháng qua phương tiện thanh toán không dùng tiền mặt", "insurance", []string{"police", "bank"}},
			{"Chỉ đạo tổ công tác triển khai Đề án 06/CP cấp thôn tổ chức tuyên truyền về sản phẩm cho vay tín chấp không tài sản bảo đảm của các tổ chức tài chính, ngân hàng", "police", []string{"labour", "bank"}},
			{"Tổ chức rà soát, đánh giá nhu cầu ứng dụng dữ liệu dân cư trong hoạt động sản xuất, kinh doanh của doanh nghiệp trên địa bàn", "planning", []string{"police", "industry"}},
		},
	},
	{
		title: "Phục vụ phát triển công dân số", upper: "PHỤC VỤ PHÁT TRIỂN CÔNG DÂN SỐ",
		group: "Nhóm phát triển công dân số", weight: 2,
		subgroup: "Phát triển các tiện ích phục vụ công dân số",
		titles: []title{
			{"Cung cấp định danh, tài khoản định danh điện tử cho công dân sử dụng các dịch vụ, tiện ích số do Chính phủ, bộ, ngành xác thực và đảm bảo", "police", []string{"office"}},
			{"Tổ chức triển khai Luật Căn cước số 26/2023/QH15 ngày 27/11/2023, thực hiện hiệu quả công tác cấp Căn cước cho công dân dưới 14 tuổi theo quy định", "police", []string{"education", "health"}},
			{"Tiếp tục triển khai ứng dụng VNeID trên cơ sở mở rộng tích hợp các thông tin, dịch vụ như y tế, bảo hiểm xã hội, giấy phép lái xe, hoạt động ngân hàng, ứng cứu khẩn cấp, phản ánh hiện trường, tố giác tội phạm", "police", []string{"health", "insurance", "ict"}},
			{"Triển khai lập hồ sơ sức khỏe điện tử, sổ sức khỏe điện tử trên ứng dụng VNeID, hướng dẫn các cơ sở khám, chữa bệnh và người dân sử dụng", "health", []string{"ict", "police"}},
			{"Triển khai cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID", "justice", []string{"police"}},
			{"Phối hợp cung cấp, triển khai các tiện ích phục vụ quản lý xã hội trên ứng dụng VNeID như tố giác tội phạm, phòng chống cháy nổ, an toàn giao thông, bảo vệ môi trường", "police", []string{"ict"}},
			{"Đẩy mạnh việc triển khai Học bạ điện tử, số hóa điểm điện tử có hiệu quả trên địa bàn {db}", "education", []string{"ict"}},
			{"Rà soát, đánh giá và phát triển việc phủ sóng viễn thông trên toàn địa bàn để người dân và doanh nghiệp được thụ hưởng, không ai bị bỏ lại phía sau", "ict", []string{"post"}},
			{"Tiếp tục hoàn thiện dữ liệu dân cư, đẩy mạnh việc cấp thẻ Căn cước cho công dân đủ điều kiện nhưng chưa được cấp hoặc cấp đổi theo quy định", "police", []string{"ubnd"}},
		},
	},
	{
		title: "Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư", upper: "HOÀN THIỆN HỆ SINH THÁI PHỤC VỤ KẾT NỐI, KHAI THÁC, BỔ SUNG LÀM GIÀU DỮ LIỆU DÂN CƯ",
		group: "Nhóm xây dựng hệ sinh thái, dữ liệu dùng chung", weight: 5,
		subgroup: "Thực hiện việc kết nối, chia sẻ giữa Cơ sở dữ liệu quốc gia về dân cư với các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành theo Quyết định số 1911/QĐ-TTg ngày 15 tháng 11 năm 2021 của Thủ tướng Chính phủ",
		titles: []title{
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm", "police", []string{"insurance", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "police", []string{"planning", "ict"}},
			{"Kết nối, sử dụng Cơ sở dữ liệu quốc gia về dân cư trong xây dựng Cơ sở dữ liệu đất đai (về chủ sở hữu quyền sử dụng đất) và các cơ sở dữ liệu tài nguyên và môi trường khác", "police", []string{"land", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về tài chính", "police", []string{"finance", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về khiếu nại tố cáo và phòng, chống tham nhũng; Cơ sở dữ liệu quốc gia về quản lý tài sản, thu nhập", "police", []string{"inspect", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về Khoa học và Công nghệ", "police", []string{"science", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức", "police", []string{"home", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu thuế", "police", []string{"tax", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu số sức khỏe điện tử", "police", []string{"health", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu giấy phép lái xe, đăng kiểm phương tiện", "police", []string{"transport", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu hộ tịch điện tử toàn quốc", "police", []string{"justice", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu an sinh xã hội", "police", []string{"labour", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu bản án, quyết định của Tòa án", "police", []string{"court", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu về giáo dục và đào tạo", "police", []string{"education", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu về hồ sơ vụ án của Tòa án nhân dân", "police", []string{"court", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu thông tin quyết định thi hành các biện pháp ngăn chặn; Cơ sở dữ liệu thống kê tư pháp, thống kê tội phạm", "police", []string{"procuracy", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với các Cơ sở dữ liệu chuyên ngành nông nghiệp và phát triển nông thôn", "police", []string{"agri", "ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với các Cơ sở dữ liệu của ngành Tư pháp như Cơ sở dữ liệu lý lịch tư pháp, Cơ sở dữ liệu thi hành án dân sự", "police", []string{"justice", "enforce"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu thông tin thuê bao viễn thông", "police", []string{"ict"}},
			{"Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu tiêm chủng", "police", []string{"health"}},
			{"Thu thập, thống kê, rà soát, cập nhật, làm sạch các dữ liệu đảm bảo thông tin công dân luôn “đúng, đủ, sạch, sống”; thúc đẩy số hóa dữ liệu gốc như dữ liệu hộ tịch, đất đai", "police", []string{"justice", "land", "ubnd"}},
			{"Thu thập thông tin về hộ, nhân khẩu để cập nhật, làm giàu dữ liệu dân cư", "police", []string{"ubnd"}},
			{"Nghiên cứu, xây dựng kho dữ liệu dùng chung của {db}", "ict", []string{"police", "office"}},
			{"Bảo đảm an ninh, an toàn thông tin; phòng, chống lộ lọt dữ liệu cá nhân trên các hệ thống thông tin kết nối với Cơ sở dữ liệu quốc gia về dân cư", "police", []string{"ict"}},
		},
	},
	{
		title: "Phục vụ chỉ đạo, điều hành của lãnh đạo các cấp", upper: "PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH CỦA LÃNH ĐẠO CÁC CẤP",
		group: "Nhóm phục vụ chỉ đạo, điều hành", weight: 1,
		subgroup: "Khai thác dữ liệu dân cư phục vụ chỉ đạo, điều hành",
		titles: []title{
			{"Thực hiện nhiệm vụ thống kê, phân tích dân số đảm bảo nhanh chóng, chính xác, tiết kiệm ngân sách nhà nước", "police", []string{"stats"}},
			{"Khai thác thông tin tổng hợp, phân tích từ IOC (Trung tâm giám sát, điều hành thông minh) của Trung tâm dữ liệu quốc gia về dân cư góp phần hoạch định chính sách", "police", []string{"ict"}},
			{"Đẩy mạnh vận hành, khai thác Trung tâm điều hành đô thị thông minh (IOC) của {db}, tiến tới mở rộng đến cấp huyện", "ict", []string{"office", "police"}},
			{"Thực hiện chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp dựa trên dữ liệu, theo thời gian thực theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ", "office", []string{"ict", "police"}},
		},
	},
}

// services are the essential public services of Phụ lục I of 06/QĐ-TTg,
// with the level of online service the plans list and the lead's role.
var services = []struct {
	name  string
	level string
	lead  string
}{
	{"Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân", "4", "police"},
	{"Cấp lại, đổi thẻ căn cước công dân", "3", "police"},
	{"Đăng ký thường trú", "4", "police"},
	{"Đăng ký tạm trú", "4", "police"},
	{"Khai báo tạm vắng", "4", "police"},
	{"Thông báo lưu trú", "4", "police"},
	{"Đăng ký khai sinh", "4", "justice"},
	{"Đăng ký khai tử", "4", "justice"},
	{"Đăng ký kết hôn", "4", "justice"},
	{"Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "4", "justice"},
	{"Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "4", "justice"},
	{"Giảm trừ mức đóng trong trường hợp gia hạn thẻ bảo hiểm y tế theo hộ gia đình", "4", "insurance"},
	{"Đăng ký thuế lần đầu", "4", "tax"},
	{"Thay đổi thông tin đăng ký thuế", "4", "tax"},
	{"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "3", "land"},
	{"Cấp đổi giấy phép lái xe", "4", "transport"},
	{"Cấp lại giấy phép lái xe", "4", "transport"},
	{"Đăng ký dự thi tốt nghiệp trung học phổ thông và xét tuyển đại học, cao đẳng", "4", "education"},
	{"Giải quyết hưởng trợ cấp thất nghiệp", "3", "labour"},
	{"Cấp điện mới từ lưới điện hạ áp", "4", "industry"},
	{"Đăng ký, cấp biển số mô tô, xe gắn máy", "3", "police"},
	{"Nộp phạt vi phạm giao thông qua thiết bị ghi hình (phạt nguội)", "4", "police"},
}

// descriptions are paragraphs a document writes between a task's heading
// and its fields. They name no catalogue keyword, so that only titles
// decide which items a task carries out.
var descriptions = []string{
	"Căn cứ hướng dẫn của Văn phòng Chính phủ, Bộ Công an và các bộ, ngành liên quan, tổ chức thực hiện bảo đảm đúng tiến độ, chất lượng.",
	"Nhiệm vụ được triển khai đồng bộ từ cấp tỉnh đến cấp xã, gắn với trách nhiệm của người đứng đầu cơ quan, đơn vị.",
	"Quá trình thực hiện có khó khăn, vướng mắc kịp thời báo cáo Tổ công tác để được hướng dẫn, tháo gỡ.",
	"Kết quả thực hiện được báo cáo định kỳ về Tổ công tác triển khai Đề án 06 để tổng hợp, theo dõi.",
	"Bảo đảm phù hợp với điều kiện thực tế của địa phương, tránh chồng chéo, lãng phí.",
}

var products = []string{
	"Quyết định thành lập", "Kế hoạch triển khai", "Báo cáo kết quả thực hiện",
	"Văn bản hướng dẫn", "Hệ thống được kết nối, vận hành ổn định", "Quy chế phối hợp",
	"Danh mục thủ tục hành chính được rà soát", "Dữ liệu được đồng bộ, cập nhật",
}

var targets = []string{
	"100% TTHC đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.",
	"100% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến toàn trình được định danh và xác thực điện tử thông suốt.",
	"Đảm bảo tỷ lệ trên 80% hồ sơ TTHC được thực hiện qua hình thức dịch vụ công trực tuyến.",
	"100% kết quả giải quyết TTHC của cá nhân được lưu trữ điện tử.",
	"50% mẫu đơn, tờ khai có thông tin công dân được chuẩn hóa thống nhất theo yêu cầu từ dữ liệu gốc.",
	"Tối thiểu 90% người dân, doanh nghiệp hài lòng về việc giải quyết TTHC.",
	"100% hồ sơ về dân cư được tạo lập, lưu trữ, chia sẻ dữ liệu điện tử theo quy định.",
	"Không để phát sinh các điểm lõm sóng.",
	"Người dân được hướng dẫn, triển khai dịch vụ công tại các điểm bưu điện bảo đảm tăng theo từng tháng.",
	"Phấn đấu ít nhất 40% người dân trên địa bàn có sử dụng tài khoản định danh điện tử.",
}

// purposes and requirements are the paragraphs of section I.
var purposes = []string{
	"Ứng dụng Cơ sở dữ liệu quốc gia về dân cư, hệ thống định danh và xác thực điện tử, thẻ Căn cước công dân gắn chip điện tử trong công cuộc chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 để phục vụ 05 nhóm tiện ích: phục vụ giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến; phục vụ phát triển kinh tế, xã hội; phục vụ công dân số; hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư; phục vụ chỉ đạo, điều hành của lãnh đạo các cấp.",
	"Xây dựng bộ dữ liệu gốc trên nền tảng dữ liệu dân cư số; các cơ sở dữ liệu khác liên quan đến công dân đã, đang và sẽ xây dựng phải căn cứ vào dữ liệu gốc, mang tính kết nối, chia sẻ, tạo nền tảng cho hoạt động chuyển đổi số trong xã hội.",
	"Người dân và doanh nghiệp là trung tâm của chuyển đổi số; minh bạch hóa và tăng cường sự tham gia của người dân và doanh nghiệp vào hoạt động của cơ quan nhà nước, cải cách thủ tục hành chính, giảm chi phí, thời gian đi lại của công dân.",
	"Duy trì, phát triển, mở rộng cơ sở hạ tầng thông tin, các ứng dụng dịch vụ, thông tin dân cư trên nền tảng Cơ sở dữ liệu quốc gia về dân cư; tạo lập tài nguyên dữ liệu số tập trung, thống nhất phục vụ phát triển Chính phủ số, kinh tế số và xã hội số trên địa bàn {db}.",
	"Dữ liệu dân cư phải được khai thác, sử dụng hiệu quả nhằm thúc đẩy, phát triển trí tuệ, nguồn lực và sức mạnh của {db}; gắn kết với năng lực quản trị nhà nước, mang lại tiềm năng bứt phá của nền kinh tế.",
}

var requirements = []string{
	"Huy động sự tham gia của cả hệ thống chính trị, đặc biệt là người đứng đầu các cơ quan, đơn vị, địa phương và sự tham gia của tổ chức, người dân là yếu tố quyết định sự thành công của chuyển đổi số.",
	"Quán triệt đầy đủ, sâu sắc các nội dung của Đề án đến toàn bộ cán bộ, công chức, viên chức đang làm việc tại các cơ quan, đơn vị trên địa bàn {db}; nâng cao nhận thức của người dân về ý nghĩa, tầm quan trọng của việc ứng dụng dữ liệu về dân cư.",
	"Xác định rõ vai trò, trách nhiệm và phân công nhiệm vụ cụ thể, xuyên suốt đối với các cơ quan, đơn vị trong quá trình triển khai thực hiện; bảo đảm quyết liệt trong chỉ đạo, điều hành và thống nhất trong thực hiện.",
	"Việc kết nối, tích hợp, khai thác Cơ sở dữ liệu quốc gia về dân cư phải đảm bảo an toàn, bảo mật thông tin và toàn vẹn dữ liệu; chấp hành đúng các quy định của pháp luật, không để xảy ra thất thoát, lãng phí.",
	"Quá trình triển khai phải thực hiện một cách bài bản, đúng quy định, thực chất, hiệu quả, tránh chồng chéo, đầu tư dàn trải; dễ làm trước, khó làm sau, từ đơn giản đến phức tạp.",
}

// commonTasks are the numbered paragraphs of Hải Phòng's "Nhiệm vụ chung".
var commonTasks = []string{
	"Bám sát chỉ đạo, hướng dẫn của Trung ương, của {db} và bộ, ngành chủ quản để kịp thời tham mưu và tổ chức thực hiện đảm bảo có hiệu quả theo đúng lộ trình và nhiệm vụ đề ra.",
	"Thực hiện nghiêm việc tiếp nhận, xử lý hồ sơ trực tuyến, không để tình trạng giải quyết hồ sơ chậm, muộn; nghiên cứu, tổ chức triển khai thực hiện TTHC không phụ thuộc vào địa giới hành chính.",
	"Nghiên cứu các giải pháp, sáng kiến nhằm hỗ trợ người dân, doanh nghiệp thực hiện dịch vụ công trực tuyến, tăng tỷ lệ dịch vụ công trực tuyến trên địa bàn.",
	"Đẩy nhanh tiến độ số hóa hồ sơ, kết quả giải quyết TTHC tại Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021, gắn việc số hóa với việc thực hiện nhiệm vụ của cán bộ, công chức.",
	"Tiếp tục rà soát, bố trí nguồn nhân lực, cơ sở vật chất, hạ tầng bảo đảm thực hiện nhiệm vụ được giao.",
}

// phaseTargets are the bullets under Lạc Hồng's phase headings.
var phaseTargets = []string{
	"100% các thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến mức độ 4 và được định danh, xác thực điện tử hoặc xác thực, chia sẻ dữ liệu dân cư.",
	"100% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến mức độ 4 được định danh và xác thực điện tử thông suốt, hợp nhất trên tất cả các hệ thống thông tin từ cấp huyện đến cấp xã.",
	"100% kết quả giải quyết thủ tục hành chính của công dân được lưu trữ điện tử với số định danh cá nhân là thông tin bắt buộc phục vụ cho kết nối, chia sẻ tái sử dụng.",
	"Hoàn thành việc kết nối, chia sẻ thông tin công dân với Cổng dịch vụ công trực tuyến - Hệ thống một cửa điện tử phục vụ giải quyết thủ tục hành chính.",
	"Tiếp tục hoàn thiện dữ liệu dân cư bảo đảm “đúng, đủ, sạch, sống”; đẩy mạnh việc cấp thẻ Căn cước công dân cho công dân đủ điều kiện.",
	"Đặt mục tiêu ít nhất 70% mẫu đơn, tờ khai có thông tin công dân được chuẩn hóa thống nhất theo yêu cầu từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư.",
	"Khai thác hiệu quả các công cụ phân tích dữ liệu đa chiều, trực quan hóa, báo cáo, tổng hợp, thống kê các dữ liệu dân cư phục vụ chỉ đạo điều hành của lãnh đạo các cấp.",
	"Tuyên truyền, phổ biến các tiện ích của ứng dụng VNeID đến người dân, phấn đấu ít nhất 40% người dân trên địa bàn có sử dụng tài khoản.",
}

// organisation are the paragraphs of the last section, "Tổ chức thực hiện".
var organisation = []string{
	"Căn cứ nhiệm vụ được giao, các cơ quan, đơn vị, địa phương khẩn trương xây dựng kế hoạch triển khai thực hiện nghiêm túc và gửi về Tổ công tác triển khai Đề án 06 {cap} để tổng hợp, theo dõi. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân {cap} về kết quả triển khai thực hiện.",
	"Định kỳ trước ngày 15 hàng tháng hoặc đột xuất, báo cáo tình hình, kết quả triển khai thực hiện Đề án 06 theo chức năng, nhiệm vụ được giao về Tổ công tác để tổng hợp, báo cáo cấp trên.",
	"Quá trình triển khai thực hiện có khó khăn, vướng mắc kịp thời báo cáo Chủ tịch Ủy ban nhân dân {cap} để hướng dẫn, chỉ đạo./.",
}

// assignments are the bullets under an agency in "Phân công nhiệm vụ". None
// starts with a label and a colon, so none is read as a task's fields.
var assignments = []string{
	"Chủ động theo dõi, đôn đốc tiến độ công tác tổ chức triển khai thực hiện Đề án 06, kịp thời tham mưu chỉ đạo các đơn vị liên quan triển khai đảm bảo hiệu quả, tiến độ được giao.",
	"Định kỳ, đột xuất báo cáo tình hình, kết quả triển khai thực hiện Đề án 06 về Văn phòng Chính phủ, Bộ Công an theo quy định.",
	"Bảo đảm hạ tầng kỹ thuật, đường truyền kết nối, duy trì, vận hành nền tảng tích hợp, chia sẻ dữ liệu hoạt động ổn định.",
	"Tham mưu sơ kết, đánh giá kết quả thực hiện theo từng giai đoạn; đề xuất biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc.",
	"Chỉ đạo các đơn vị trực thuộc tổ chức triển khai thực hiện có hiệu quả các nội dung của Kế hoạch này.",
}

// receivers are the "Nơi nhận" list of a plan.
var receivers = []string{
	"Văn phòng Chính phủ;", "Bộ Công an;", "TT Tỉnh ủy, TT HĐND {cap};", "Các PCT UBND {cap};",
	"Ủy ban MTTQ Việt Nam {cap};", "Các cơ quan, đơn vị liên quan;", "Lưu: VT.",
}

// newsParagraphs are the paragraphs of an update, as a news item or a
// directive about the programme's progress writes them.
var newsParagraphs = []string{
	"Ủy ban nhân dân {db} yêu cầu các cơ quan, đơn vị, địa phương tiếp tục phát huy kết quả đạt được, kịp thời chấn chỉnh, khắc phục những tồn tại, hạn chế, khó khăn, vướng mắc trong quá trình triển khai thực hiện, quyết tâm hoàn thành các mục tiêu Đề án 06/CP.",
	"Thủ trưởng các cơ quan, đơn vị phải nêu cao tinh thần trách nhiệm, làm việc nào dứt điểm việc đấy; phân công rõ người, rõ việc, rõ trách nhiệm, rõ thời gian, rõ sản phẩm, rõ kết quả.",
	"Tổ chức rà soát, đánh giá tiến độ thực hiện đối với từng nội dung, nhiệm vụ cụ thể của Kế hoạch, tập trung đề ra các giải pháp bảo đảm hoàn thành tiến độ, nhất là các nhiệm vụ đã đến hạn hoàn thành, nguy cơ chậm tiến độ.",
	"Tiếp tục đẩy mạnh, nâng cao hiệu quả thực hiện dịch vụ công trực tuyến, trong đó lưu ý việc triển khai thực hiện hiệu quả giải pháp sử dụng VNeID là tài khoản duy nhất trong thực hiện thủ tục hành chính trên môi trường điện tử.",
	"Định kỳ hàng tháng, Công an {cap} tổng hợp, đánh giá và thông báo tình hình, kết quả, tiến độ thực hiện từng nội dung, nhiệm vụ cụ thể của Đề án 06/CP của các cơ quan, đơn vị, địa phương.",
	"Tập trung đẩy mạnh công tác số hoá tài liệu, làm sạch cơ sở dữ liệu chuyên ngành để kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư đảm bảo tiến độ đề ra.",
}

// notes are what an update says about a task, by the state it reports.
var notes = map[string][]string{
	"chưa bắt đầu":    {"Chưa triển khai do chưa có hướng dẫn kỹ thuật của Bộ Công an.", "Đang chờ bố trí nguồn lực để triển khai."},
	"đang thực hiện":  {"Đang triển khai, đạt khoảng 60% khối lượng công việc.", "Đã hoàn thành khảo sát, đang kết nối thử nghiệm.", "Đang triển khai theo lộ trình."},
	"hoàn thành":      {"Đã hoàn thành, đưa vào vận hành chính thức.", "Đã hoàn thành kết nối, chia sẻ dữ liệu.", "Đã ban hành văn bản và tổ chức thực hiện."},
	"hoàn thành chậm": {"Hoàn thành chậm so với tiến độ do vướng mắc về hạ tầng kỹ thuật.", "Đã hoàn thành nhưng chậm hơn thời hạn của Kế hoạch."},
	"tạm dừng":        {"Tạm dừng để chờ hướng dẫn của Bộ Công an.", "Tạm dừng do thay đổi tổ chức bộ máy theo Nghị quyết của Quốc hội."},
}

// stateChoice is a state as an update spells it, the state the build
// reads it as, and how often updates report it.
type stateChoice struct {
	text, canonical string
	weight          int
}

// states are the states an update reports, with weights; a few are spelt
// without diacritics, as editors type them and the build accepts.
var states = []stateChoice{
	{"đang thực hiện", "đang thực hiện", 32},
	{"hoàn thành", "hoàn thành", 32},
	{"hoan thanh", "hoàn thành", 3},
	{"hoàn thành chậm", "hoàn thành chậm", 12},
	{"chưa bắt đầu", "chưa bắt đầu", 10},
	{"tạm dừng", "tạm dừng", 8},
	{"dang thuc hien", "đang thực hiện", 3},
}
