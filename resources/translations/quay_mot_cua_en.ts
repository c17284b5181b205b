<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="94" />
        <source>Quầy Một cửa — lỗi</source>
        <translation>One-Stop Counter — error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="96" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="101" />
        <source>Đã xảy ra lỗi không mong đợi. Thao tác vừa rồi có thể chưa hoàn tất; hãy thử lại, và báo bộ phận hỗ trợ nếu lỗi lặp lại.</source>
        <translation>An unexpected error occurred. The last action may not have completed; try again, and tell the support team if it happens again.</translation>
    </message>
</context><context>
    <name>BrandHeader</name>
    <message>
        <location filename="../../ui/widgets/brand_header.py" line="17" />
        <source>Bộ phận Tiếp nhận và Trả kết quả</source>
        <translation>Reception and Results Desk</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/brand_header.py" line="24" />
        <source>DỮ LIỆU MẪU</source>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/brand_header.py" line="26" />
        <source>Hồ sơ dùng thử: cơ quan, cán bộ và danh mục thủ tục là dữ liệu mẫu, không dùng để tiếp nhận thật.</source>
        <translation>Trial profile: the agency, officers and procedure catalog are demo data, not for real reception.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/brand_header.py" line="42" />
        <source>{name} · Mã cơ quan {code}</source>
        <translation>{name} · Agency code {code}</translation>
    </message>
</context><context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="46" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier component</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="46" />
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="46" />
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="66" />
        <location filename="../../ui/widgets/checklist.py" line="46" />
        <source>Bắt buộc</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="60" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="60" />
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/checklist.py" line="66" />
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
</context><context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="29" />
        <source>Ngoại tuyến — chưa cấu hình máy chủ đồng bộ</source>
        <translation>Offline — no sync server configured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="39" />
        <source>Cán bộ: {name} ({role})</source>
        <translation>Officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="42" />
        <source>{counter} ({code})</source>
        <translation>{counter} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="44" />
        <source>Mã cơ quan: {code}</source>
        <translation>Agency code: {code}</translation>
    </message>
</context><context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="19" />
        <source>thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="20" />
        <source>thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="21" />
        <source>thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="22" />
        <source>thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="23" />
        <source>thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="24" />
        <source>thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="25" />
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="32" />
        <source>{time}, {weekday}, ngày {date}</source>
        <translation>{time}, {weekday} {date}</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="38" />
        <source>{amount} đồng</source>
        <translation>{amount} VND</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="43" />
        <source>Cán bộ một cửa</source>
        <translation>One-stop officer</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45" />
        <source>Lãnh đạo phê duyệt</source>
        <translation>Approving supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="47" />
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="48" />
        <source>Vai trò chưa xác định</source>
        <translation>Unknown role</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="32" />
        <source>Bộ phận Tiếp nhận và Trả kết quả</source>
        <translation>Reception and Results Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>&amp;Tìm thủ tục</source>
        <translation>&amp;Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>Chữ &amp;lớn hơn</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Chữ &amp;nhỏ hơn</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>Cỡ chữ &amp;mặc định</source>
        <translation>&amp;Default text size</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Quầy Một cửa {version}

Ứng dụng tại quầy của Bộ phận Tiếp nhận và Trả kết quả.
Màu sắc và nhận diện trong bản này chưa phải bản chính thức.</source>
        <translation>One-Stop Counter {version}

The counter application of the Reception and Results Desk.
The colours and identity in this version are not yet official.</translation>
    </message>
</context><context>
    <name>ProcedureDetail</name>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="43" />
        <source>Chọn một thủ tục ở bên trái để xem thành phần hồ sơ, thời hạn và ngày hẹn trả.</source>
        <translation>Choose a procedure on the left to see its dossier components, time limit and result date.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="67" />
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="67" />
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="68" />
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="69" />
        <source>Cơ quan giải quyết</source>
        <translation>Processing agency</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="105" />
        <location filename="../../ui/widgets/procedure_detail.py" line="89" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier components</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="95" />
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="96" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="137" />
        <source>Không thu phí, lệ phí</source>
        <translation>No fees or charges</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="140" />
        <source>{name}: {amount}</source>
        <translation>{name}: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="145" />
        <source>Nếu tiếp nhận lúc này, hẹn trả: {when}</source>
        <translation>If received now, result due: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="147" />
        <source>Thời hạn giải quyết bắt đầu tính từ {when}.</source>
        <translation>The time limit starts counting at {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="155" />
        <source>Chưa tính được ngày hẹn trả.</source>
        <translation>The result date could not be computed.</translation>
    </message>
</context><context>
    <name>ProcedureSearch</name>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="37" />
        <source>Tìm thủ tục hành chính</source>
        <translation>Find an administrative procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="41" />
        <source>Tên, lĩnh vực hoặc mã thủ tục</source>
        <translation>Procedure name, field or code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="43" />
        <source>Tìm thủ tục</source>
        <translation>Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="56" />
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="94" />
        <location filename="../../ui/widgets/procedure_search.py" line="58" />
        <source>Gõ vài chữ, không cần dấu. Ctrl+F: về ô tìm kiếm.</source>
        <translation>Type a few letters; accents are optional. Ctrl+F: back to the search box.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="100" />
        <source>Không tìm được.</source>
        <translation>The search failed.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="106" />
        <source>Tìm thấy {count} thủ tục — ↑/↓ để chọn, Enter để xem.</source>
        <translation>Procedures found: {count} — ↑/↓ to choose, Enter to open.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="109" />
        <source>Không tìm thấy thủ tục nào. Thử từ khác, hoặc gõ mã thủ tục.</source>
        <translation>No procedure found. Try other words, or type the procedure code.</translation>
    </message>
</context></TS>
