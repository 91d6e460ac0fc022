package diag

// Vietnamese returns the catalog that says the build's messages in
// Vietnamese, for the officials who edit the content. Each entry maps the
// English format, exactly as passed to Errorf or Warnf (or to a deadline
// parser error), to its translation with the same verbs for the same
// arguments. What the editor must type stays as written: field names, TOML
// examples, file paths and the Vietnamese labels.
//
// It returns a new map on each call, so that no caller can change another's.
// catalog_test.go fails when a message has no translation here, or when a
// translation is no longer used.
func Vietnamese() Catalog {
	return Catalog{
		// internal/load
		"no locality folder: create content/%s/<tinh>/_index.md (see docs/content-format.md)": "chưa có thư mục địa phương: hãy tạo tệp content/%s/<tinh>/_index.md (xem docs/content-format.md)",
		"reading content: %v":  "lỗi khi đọc thư mục nội dung: %v",
		"cannot read file: %v": "không đọc được tệp: %v",
		"%v":                   "%v",
		"locality folder has no _index.md: create %s with name = \"…\" and level = \"tinh\", \"huyen\" or \"xa\"":          "thư mục địa phương chưa có tệp _index.md: hãy tạo tệp %s, trong đó ghi name = \"…\" và level = \"tinh\", \"huyen\" hoặc \"xa\"",
		"folder name %q is not a URL slug: rename it %q (lowercase, no diacritics, words joined by -)":                     "tên thư mục %q không dùng được trong địa chỉ trang (URL): hãy đổi tên thành %q (chữ thường, không dấu, các từ nối với nhau bằng dấu -)",
		`locality has no name: add name = "Thành phố Đà Nẵng" (the official name with its level word)`:                     `địa phương chưa có tên: hãy thêm name = "Thành phố Đà Nẵng" (tên chính thức, có cả từ chỉ cấp hành chính)`,
		`level = %q is not a level: write level = "tinh", "huyen" or "xa"`:                                                 `level = %q không phải là cấp hành chính: hãy ghi level = "tinh", "huyen" hoặc "xa"`,
		"plans and updates live in a locality folder: move this file to content/%s/<locality>/":                            "kế hoạch và cập nhật phải nằm trong thư mục của một địa phương: hãy chuyển tệp này vào content/%s/<thư mục địa phương>/",
		"file name %q is not a URL slug: rename it %q.md":                                                                  "tên tệp %q không dùng được trong địa chỉ trang (URL): hãy đổi tên tệp thành %q.md",
		`front matter has no kind: add kind = "plan" for a Kế hoạch or kind = "update" for a report or news item`:          `phần khai báo đầu tệp (front matter) chưa có kind: hãy thêm kind = "plan" nếu là kế hoạch, hoặc kind = "update" nếu là báo cáo hay tin cập nhật`,
		`kind = %q is unknown: write kind = "plan" or kind = "update"`:                                                     `kind = %q không hợp lệ: hãy ghi kind = "plan" hoặc kind = "update"`,
		`plan has no title: add title = "Kế hoạch triển khai Đề án 06 trên địa bàn …"`:                                     `kế hoạch chưa có tiêu đề (title): hãy thêm title = "Kế hoạch triển khai Đề án 06 trên địa bàn …"`,
		`plan has no number: add number = "46/KH-UBND"`:                                                                    `kế hoạch chưa có số hiệu văn bản (number): hãy thêm number = "46/KH-UBND"`,
		`plan has no issuer: add issuer = "Ủy ban nhân dân thành phố Đà Nẵng"`:                                             `kế hoạch chưa có cơ quan ban hành (issuer): hãy thêm issuer = "Ủy ban nhân dân thành phố Đà Nẵng"`,
		"plan has no issue date: add issued = 2022-03-10 (the date in the header, written year-month-day, without quotes)": "kế hoạch chưa có ngày ban hành (issued): hãy thêm issued = 2022-03-10 (ngày ghi ở đầu văn bản, viết theo thứ tự năm-tháng-ngày, không có dấu ngoặc kép)",
		"task %s: deadline %q: %v": "nhiệm vụ %s: thời gian thực hiện %q: %v",
		"task %s: cannot read the deadline %q, so it is shown as written with no date: write it as e.g. \"Trong quý II năm 2024\", \"Tháng 6/2024\", \"trước ngày 30/9/2024\", \"Từ ngày 01/7/2024\" or \"Thường xuyên\" (docs/content-format.md lists every form)": "nhiệm vụ %s: không đọc được thời gian thực hiện %q nên trang chỉ hiển thị nguyên văn, không có ngày cụ thể: hãy viết theo mẫu như \"Trong quý II năm 2024\", \"Tháng 6/2024\", \"trước ngày 30/9/2024\", \"Từ ngày 01/7/2024\" hoặc \"Thường xuyên\" (xem đủ các cách viết tại docs/content-format.md)",
		"this plan takes its tasks from %s (tasks_from), so this task heading would be ignored: remove tasks_from, or write the task as prose":                                                                                                                      "kế hoạch này lấy danh sách nhiệm vụ từ %s (tasks_from) nên đề mục nhiệm vụ này sẽ bị bỏ qua: hãy xóa tasks_from, hoặc viết nội dung này thành đoạn văn thường",
		"tasks_from = %q names no appendix: the plan has no Phụ lục tables":                                    "tasks_from = %q không khớp với phụ lục nào: kế hoạch này không có bảng Phụ lục nào",
		"tasks_from = %q names no appendix: the plan has %s":                                                   "tasks_from = %q không khớp với phụ lục nào: các phụ lục của kế hoạch là %s",
		"[tasks.%q] names no task of this plan: use a task id shown on the plan page":                          "[tasks.%q] không khớp với nhiệm vụ nào của kế hoạch này: hãy dùng mã nhiệm vụ hiển thị trên trang kế hoạch",
		`update has no title: add title = "…" (the headline or the document's subject)`:                        `cập nhật chưa có tiêu đề (title): hãy thêm title = "…" (tiêu đề tin hoặc trích yếu của văn bản)`,
		"update has no date: add date = 2024-09-23 (year-month-day, without quotes)":                           "cập nhật chưa có ngày (date): hãy thêm date = 2024-09-23 (năm-tháng-ngày, không có dấu ngoặc kép)",
		"number %q is also the number of %s: each plan of a locality has its own number":                       "số hiệu %q trùng với số hiệu của %s: mỗi kế hoạch của một địa phương phải có số hiệu riêng",
		"[[status]] plan = %q names no plan of %s: write the number exactly as the plan's front matter has it": "[[status]] plan = %q không khớp với kế hoạch nào của %s: hãy ghi số hiệu đúng như trong phần khai báo đầu tệp (front matter) của kế hoạch",
		"[[status]] task = %q is not a task of %s: use a task id shown on the plan page":                       "[[status]] task = %q không phải là nhiệm vụ của kế hoạch số %s: hãy dùng mã nhiệm vụ hiển thị trên trang kế hoạch",
		"[[status]] state = %q is unknown: write one of %q":                                                    "[[status]] state = %q không hợp lệ: hãy ghi một trong các giá trị %q",

		`source = %q is not a web address: write the address the document is published at, starting with https://, or remove source`: `source = %q không phải là địa chỉ trang web: hãy ghi địa chỉ nơi văn bản được công bố, bắt đầu bằng https://, hoặc xóa source`,
		// internal/content
		"front matter: this date is not written as a TOML date: write it year-month-day without quotes, e.g. issued = 2022-03-10": "phần khai báo đầu tệp (front matter): ngày này chưa viết đúng kiểu ngày của TOML: hãy viết theo thứ tự năm-tháng-ngày, không có dấu ngoặc kép, ví dụ issued = 2022-03-10",
		`front matter: %s (TOML: strings in double quotes, dates as 2022-03-10, lists as ["a", "b"])`:                             `phần khai báo đầu tệp (front matter): %s (cú pháp TOML: chữ đặt trong dấu ngoặc kép, ngày viết như 2022-03-10, danh sách viết như ["a", "b"])`,
		"front matter: %v": "phần khai báo đầu tệp (front matter): %v",
		"front matter: unknown field %q: check its spelling against docs/content-format.md, or remove it": "phần khai báo đầu tệp (front matter): không có trường %q: hãy đối chiếu cách viết với docs/content-format.md, hoặc xóa trường này",

		// internal/recognize
		"%q is already the name of the Phụ lục on line %d: number each Phụ lục of a plan differently (Phụ lục I, Phụ lục II …)":                                                                                         "%q đã là tên của phụ lục ở dòng %d: hãy đánh số mỗi phụ lục của kế hoạch khác nhau (Phụ lục I, Phụ lục II …)",
		"task id %q is already used by the task on line %d: number each task heading differently (ids come from the heading numbers)":                                                                                   "mã nhiệm vụ %q đã được dùng cho nhiệm vụ ở dòng %d: hãy đánh số mỗi đề mục nhiệm vụ khác nhau (mã nhiệm vụ lấy từ số thứ tự của đề mục)",
		"task heading %q has no fields while the heading %q beside it is a task: add a list under it such as \"- Cơ quan chủ trì: …\" and \"- Thời gian thực hiện: …\", or write it as a paragraph if it is not a task": "đề mục nhiệm vụ %q chưa có các mục thông tin, trong khi đề mục %q cùng cấp bên cạnh là một nhiệm vụ: hãy thêm danh sách bên dưới, ví dụ \"- Cơ quan chủ trì: …\" và \"- Thời gian thực hiện: …\", hoặc viết thành đoạn văn nếu đây không phải là nhiệm vụ",
		"%q is not a field label: each item under a task is \"- Label: value\" with a label such as %s":                                                                                                                 "%q không phải là tên mục thông tin: mỗi dòng dưới một nhiệm vụ có dạng \"- Tên mục: nội dung\", với tên mục như %s",
		"this item has no label: each item under a task is \"- Label: value\" with a label such as %s":                                                                                                                  "dòng này chưa có tên mục: mỗi dòng dưới một nhiệm vụ có dạng \"- Tên mục: nội dung\", với tên mục như %s",
		"%q has no table: put a Markdown table (\"| STT | Nội dung | … |\" then \"|---|---|\") under the heading, or do not start the heading with \"Phụ lục\"":                                                         "%q không có bảng: hãy đặt một bảng Markdown (dòng \"| STT | Nội dung | … |\" rồi dòng \"|---|---|\") dưới đề mục này, hoặc đừng bắt đầu đề mục bằng chữ \"Phụ lục\"",
		"%s: this row has %d cells but the header has %d: give every row exactly %d cells (write an empty cell as \"| |\"; join a row split by a page break into one line)":                                             "%s: dòng này có %d ô nhưng dòng tiêu đề có %d ô: mỗi dòng phải có đúng %d ô (ô trống viết là \"| |\"; dòng nào bị ngắt sang trang sau thì nối lại thành một dòng)",
		"tasks_from = %q, but its header has no column for the task (\"Nội dung công việc\" or \"Nhiệm vụ\"): add one, or remove tasks_from":                                                                            "tasks_from = %q, nhưng dòng tiêu đề của bảng không có cột ghi nhiệm vụ (\"Nội dung công việc\" hoặc \"Nhiệm vụ\"): hãy thêm cột này, hoặc xóa tasks_from",
		"%s: this row has no STT: number it (1, 2, …) so that its task has an id":                                                                                                                                       "%s: dòng này chưa có STT: hãy đánh số (1, 2, …) để nhiệm vụ ở dòng này có mã nhiệm vụ",
		"%s: task %s appears twice: give each row of a section its own STT":                                                                                                                                             "%s: nhiệm vụ %s xuất hiện hai lần: mỗi dòng trong một mục phải có STT riêng",

		// internal/check
		"task %s has no lead agency field: add \"- Cơ quan chủ trì: …\" as the plan states it; if the plan names none, write the label with nothing after it (\"- Cơ quan chủ trì:\") to say so":       "nhiệm vụ %s chưa có mục cơ quan chủ trì: hãy thêm \"- Cơ quan chủ trì: …\" đúng như kế hoạch ghi; nếu kế hoạch không nêu cơ quan nào, hãy ghi tên mục mà để trống phía sau (\"- Cơ quan chủ trì:\") để thể hiện điều đó",
		"task %s has no deadline field: add \"- Thời gian thực hiện: …\" as the plan states it; if the plan states none, write the label with nothing after it (\"- Thời gian thực hiện:\") to say so": "nhiệm vụ %s chưa có mục thời gian thực hiện: hãy thêm \"- Thời gian thực hiện: …\" đúng như kế hoạch ghi; nếu kế hoạch không nêu thời gian, hãy ghi tên mục mà để trống phía sau (\"- Thời gian thực hiện:\") để thể hiện điều đó",
		"number = %q does not look like a document number: write it as printed under the issuer's name, e.g. \"46/KH-UBND\"":                                                                           "number = %q không giống số hiệu văn bản: hãy ghi đúng như số in dưới tên cơ quan ban hành, ví dụ \"46/KH-UBND\"",
		"link %q is not a valid address: check its spelling":                                                                                    "liên kết %q không phải là địa chỉ hợp lệ: hãy kiểm tra lại cách viết",
		"link %q names no heading, task or table on this page: use an id shown in the page's address bar after #, e.g. #nv-5-1-1":               "liên kết %q không trỏ tới đề mục, nhiệm vụ hay bảng nào trên trang này: hãy dùng mã hiện trên thanh địa chỉ của trang, sau dấu #, ví dụ #nv-5-1-1",
		"link %q leads to no page of the site: link to a page that exists, such as /dia-phuong/da-nang/, or to the plan's own tasks with #nv-…": "liên kết %q không dẫn tới trang nào của cổng thông tin: hãy liên kết tới một trang có thật, như /dia-phuong/da-nang/, hoặc tới nhiệm vụ của chính kế hoạch bằng #nv-…",

		// internal/vntime: why a deadline names a date that does not exist.
		// A time.Month argument that English prints with %s ("February") is
		// printed here with %d ("tháng 2").
		"there is no month %d: write a month from 1 to 12":                   "không có tháng %d: hãy ghi tháng từ 1 đến 12",
		"there is no quarter %s: write quý I, II, III or IV":                 "không có quý %s: hãy ghi quý I, II, III hoặc IV",
		"%q is not a date: there is no month %d: write a month from 1 to 12": "%q không phải là ngày hợp lệ: không có tháng %d: hãy ghi tháng từ 1 đến 12",
		"%q is not a date: there is no day %d: write a day from 1 to %d":     "%q không phải là ngày hợp lệ: không có ngày %d: hãy ghi ngày từ 1 đến %d",
		"%q is not a date: %s %d has %d days":                                "%q không phải là ngày hợp lệ: tháng %d năm %d chỉ có %d ngày",
		"%q: write the year with four digits, e.g. %s":                       "%q: hãy ghi năm đủ bốn chữ số, ví dụ %s",
		"%q: write the year with four digits, from %d to %d":                 "%q: hãy ghi năm đủ bốn chữ số, từ %d đến %d",
		"%q: there is no year %d in a plan: write a year from %d to %d":      "%q: năm %d không thể có trong một kế hoạch: hãy ghi năm từ %d đến %d",
		"the period starts after it ends (%q): write the earlier date first": "thời gian bắt đầu sau thời gian kết thúc (%q): hãy ghi mốc thời gian sớm hơn trước",
		"there is no day %s of a month: write a day from 1 to 31":            "không có ngày %s trong tháng: hãy ghi ngày từ 1 đến 31",

		// internal/agency, data/agencies.toml
		`[[kind]] %q has no name: add name = "Công an" (the name without the locality)`:                                                                `[[kind]] %q chưa có tên: hãy thêm name = "Công an" (tên không kèm địa phương)`,
		`[[kind]] %q: level %q is not a level: write levels = ["tinh"], ["huyen"], ["xa"] or several of them`:                                          `[[kind]] %q: %q không phải là cấp hành chính: hãy ghi levels = ["tinh"], ["huyen"], ["xa"] hoặc nhiều cấp trong số đó`,
		`[[kind]] %q has no levels: add levels = ["tinh"] (the levels of locality that have such a body)`:                                              `[[kind]] %q chưa có cấp: hãy thêm levels = ["tinh"] (các cấp địa phương có loại cơ quan này)`,
		`[[agency]] %q has no name: add name = "Đại học Đà Nẵng" (the agency's full name)`:                                                             `[[agency]] %q chưa có tên: hãy thêm name = "Đại học Đà Nẵng" (tên đầy đủ của cơ quan)`,
		`[[alias]] has no text: add text = "…" (the name as the document writes it)`:                                                                   `[[alias]] chưa có nội dung: hãy thêm text = "…" (tên cơ quan đúng như văn bản ghi)`,
		`[[alias]] %q says both agency = %q and group = true: keep the one it means`:                                                                   `[[alias]] %q ghi cả agency = %q lẫn group = true: hãy giữ lại cách hiểu đúng`,
		`[[%s]] has no id: add id = "cong-an" (lowercase, no diacritics, words joined by -; it is the page's address)`:                                 `[[%s]] chưa có id: hãy thêm id = "cong-an" (chữ thường, không dấu, các từ nối bằng dấu -; đây là địa chỉ trang)`,
		`[[%s]] id = %q is not a URL slug: write id = %q`:                                                                                              `[[%s]] id = %q không dùng được trong địa chỉ trang (URL): hãy ghi id = %q`,
		`[[%s]] id = %q is used twice: give each kind and agency its own id`:                                                                           `[[%s]] id = %q bị dùng hai lần: mỗi loại cơ quan và mỗi cơ quan phải có id riêng`,
		`[[alias]] %q: agency = %q is no agency: write the id of an [[agency]], or a kind's id and a locality's path, e.g. "cong-an/da-nang"`:          `[[alias]] %q: agency = %q không phải là cơ quan nào: hãy ghi id của một [[agency]], hoặc id của một loại cơ quan kèm đường dẫn địa phương, ví dụ "cong-an/da-nang"`,
		"task %s: %q names no agency of %s: add it to the registry as an alias (a misprint as an [[alias]]), or write the name as the registry has it": "nhiệm vụ %s: %q không khớp với cơ quan nào trong %s: hãy thêm tên này vào danh mục làm tên gọi khác (lỗi in thì khai báo [[alias]]), hoặc ghi tên cơ quan đúng như trong danh mục",

		// internal/catalog, data/catalog.toml
		`the catalogue is not valid TOML (%s): start each item with a line [[item]], then write its fields as key = "value", lists as ["a", "b"]`:                        `danh mục không đúng cú pháp TOML (%s): mỗi mục bắt đầu bằng một dòng [[item]], sau đó ghi các trường theo dạng key = "giá trị", danh sách viết như ["a", "b"]`,
		`unknown key %q: the catalogue holds only [[item]] tables, so put every field under a line [[item]]`:                                                             `không có khóa %q: danh mục chỉ gồm các bảng [[item]], hãy đặt mọi trường dưới một dòng [[item]]`,
		`item must be a list of tables: write each item as a line [[item]] followed by its fields`:                                                                       `item phải là danh sách các bảng: hãy viết mỗi mục thành một dòng [[item]], tiếp theo là các trường của mục đó`,
		`id %q is already used by the item on line %d: give each item its own id`:                                                                                        `id %q đã được dùng cho mục ở dòng %d: mỗi mục phải có id riêng`,
		`unknown field %q: an item has only the fields id, name, short, group, basis and keywords`:                                                                       `không có trường %q: mỗi mục chỉ có các trường id, name, short, group, basis và keywords`,
		`%s must be a string: write it in double quotes, as %s = "…"`:                                                                                                    `%s phải là chuỗi chữ: hãy đặt trong dấu ngoặc kép, như %s = "…"`,
		`item has no id: add id = "…", the address of its page under /so-sanh/, such as "ket-noi-bao-hiem"`:                                                              `mục chưa có id: hãy thêm id = "…", là địa chỉ trang của mục trong /so-sanh/, ví dụ "ket-noi-bao-hiem"`,
		`id %q is not a URL slug: write id = %q (lowercase, no diacritics, words joined by -)`:                                                                           `id %q không dùng được trong địa chỉ trang (URL): hãy ghi id = %q (chữ thường, không dấu, các từ nối với nhau bằng dấu -)`,
		`item has no name: add name = "…", the task in the programme's words, such as "Kết nối Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm"`: `mục chưa có tên (name): hãy thêm name = "…", ghi nhiệm vụ theo cách diễn đạt của Đề án, ví dụ "Kết nối Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm"`,
		`item has no group: add group = "…", the part of the programme it belongs to, so that it is listed with its kind`:                                                `mục chưa có nhóm (group): hãy thêm group = "…", là phần của Đề án mà mục thuộc về, để mục được liệt kê cùng các mục cùng loại`,
		`item has no keywords: add keywords = [["…"]], lists of words that the title of a task carrying out this item contains`:                                          `mục chưa có từ khóa (keywords): hãy thêm keywords = [["…"]], gồm các danh sách từ có trong tên của nhiệm vụ thực hiện mục này`,
		`keywords must be a list of lists of words: write keywords = [["dân cư", "dữ liệu bảo hiểm"], ["bhxh"]]`:                                                         `keywords phải là danh sách các danh sách từ: hãy viết keywords = [["dân cư", "dữ liệu bảo hiểm"], ["bhxh"]]`,
		`a keyword list is empty: put in it the words a task's title must contain, or remove it`:                                                                         `có một danh sách từ khóa để trống: hãy ghi vào đó các từ mà tên nhiệm vụ phải có, hoặc xóa danh sách này`,
		`keyword %q has no letters or digits: write a word or phrase, or remove it`:                                                                                      `từ khóa %q không có chữ cái hay chữ số nào: hãy ghi một từ hoặc cụm từ, hoặc xóa từ khóa này`,
		`this keyword list only excludes words (those starting with -): add a word that a task's title must contain`:                                                     `danh sách từ khóa này chỉ có các từ loại trừ (bắt đầu bằng dấu -): hãy thêm một từ mà tên nhiệm vụ phải có`,
		`task %s: catalog = %q names no item of %s: use an id listed there, or [] for none`:                                                                              `nhiệm vụ %s: catalog = %q không khớp với mục nào trong %s: hãy dùng một id có trong tệp đó, hoặc [] nếu nhiệm vụ không thuộc mục nào`,
		// internal/site/discovery.go
		`base_url %q is not an absolute address, so the build wrote no feed.xml and no sitemap.xml: write base_url = "https://…/" (the address the site is served from) or build with --base-url https://…/`: `base_url %q không phải là địa chỉ đầy đủ nên bản dựng không có feed.xml và sitemap.xml: hãy ghi base_url = "https://…/" (địa chỉ mà trang được đăng tải) hoặc dựng với --base-url https://…/`,
		// internal/site/build.go
		"this generated file is over %d MB, more than a CDN may serve as one file: please report it with the size of the site": "tệp được tạo ra này lớn hơn %d MB, quá cỡ một tệp mà mạng phân phối nội dung (CDN) có thể phục vụ: hãy báo lỗi này kèm theo quy mô của trang",
	}
}
