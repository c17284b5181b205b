<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AgencyPage</name>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="88" />
        <source>2. Cơ quan và quầy</source>
        <translation>2. Agency and counter</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="89" />
        <source>Cơ quan (Bộ phận Một cửa) và quầy mà máy này phục vụ.</source>
        <translation>The agency (one-stop desk) and the counter this computer serves.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="90" />
        <source>Mã định danh cơ quan</source>
        <translation>Agency ID code</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="91" />
        <source>000.00.01.H26</source>
        <translation>000.00.01.H26</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="92" />
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="93" />
        <source>Mã quầy</source>
        <translation>Counter code</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="94" />
        <source>Q01</source>
        <translation>Q01</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="95" />
        <source>Tên quầy</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="97" />
        <source>&amp;Mã định danh cơ quan</source>
        <translation>&amp;Agency ID code</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="98" />
        <source>&amp;Tên cơ quan</source>
        <translation>Agency &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="99" />
        <source>Mã &amp;quầy</source>
        <translation>&amp;Counter code</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="100" />
        <source>Tên q&amp;uầy</source>
        <translation>Counter na&amp;me</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="114" />
        <source>Mã cơ quan và mã quầy lấy từ hệ thống của thành phố.</source>
        <translation>The agency and counter codes come from the city system.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="115" />
        <source>Làm việc ngoại tuyến: nhập mã theo quyết định của cơ quan.</source>
        <translation>Working offline: enter the codes given in the agency's decision.</translation>
    </message>
</context><context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="231" />
        <source>Báo cáo lỗi đã được lưu ({name}) để gửi bộ phận hỗ trợ.</source>
        <translation>The error report was saved ({name}) to send to the help desk.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="279" />
        <source>Quầy Một cửa — lỗi</source>
        <translation>One-Stop Counter — error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="281" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="286" />
        <source>Đã xảy ra lỗi không mong đợi. Thao tác vừa rồi có thể chưa hoàn tất; hãy thử lại, và báo bộ phận hỗ trợ nếu lỗi lặp lại.</source>
        <translation>An unexpected error occurred. The last action may not have completed; try again, and tell the support team if it happens again.</translation>
    </message>
</context><context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval.py" line="33" />
        <source>Phê duyệt của lãnh đạo</source>
        <translation>Supervisor's approval</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="34" />
        <source>Cần lãnh đạo phê duyệt: {action}</source>
        <translation>Needs a supervisor's approval: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="37" />
        <source>{target} — cán bộ đề nghị: {officer}</source>
        <translation>{target} — requested by: {officer}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="40" />
        <source>Lý do: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="44" />
        <source>Tên đăng nhập của lãnh đạo</source>
        <translation>Supervisor's username</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="47" />
        <source>Mật khẩu của lãnh đạo</source>
        <translation>Supervisor's password</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="49" />
        <source>Lãnh đạo</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="50" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="51" />
        <source>Lãnh đạo tự nhập mật khẩu của mình tại quầy. Không ai tự phê duyệt thao tác của chính mình.</source>
        <translation>The supervisor types their own password at the counter. Nobody approves their own action.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="61" />
        <source>Phê duyệt (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="63" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="82" />
        <source>Lô chuyển {n} hồ sơ</source>
        <translation>Hand-off batch of {n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="85" />
        <source>Hoàn {amount}, biên lai {receipt}, hồ sơ {code}</source>
        <translation>Refund {amount}, receipt {receipt}, dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="86" />
        <source>Hủy biên lai {receipt} ({amount}), hồ sơ {code}</source>
        <translation>Cancel receipt {receipt} ({amount}), dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="89" />
        <source>Hồ sơ mới (chưa cấp mã), thủ tục {procedure}</source>
        <translation>New dossier (no code yet), procedure {procedure}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="90" />
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="96" />
        <source>Nhập tên đăng nhập của lãnh đạo phê duyệt.</source>
        <translation>Enter the approving supervisor's username.</translation>
    </message>
</context><context>
    <name>BackendPage</name>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="26" />
        <source>1. Hệ thống một cửa của thành phố</source>
        <translation>1. City one-stop system</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="27" />
        <source>Địa chỉ máy chủ, chứng thư được ghim và mã xác thực của quầy do quản trị hệ thống cấp. Không có mạng: chọn làm việc ngoại tuyến.</source>
        <translation>Server address, pinned certificate and counter access token, issued by the system administrator. No network: choose to work offline.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="29" />
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="30" />
        <source>https://motcua.hanoi.gov.vn</source>
        <translation>https://motcua.hanoi.gov.vn</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="32" />
        <source>Tệp chứng thư (PEM)</source>
        <translation>Certificate file (PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="34" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="39" />
        <source>Mã xác thực của quầy</source>
        <translation>Counter access token</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="40" />
        <source>&amp;Kết nối và kiểm tra</source>
        <translation>&amp;Connect and check</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="42" />
        <source>Làm việc &amp;ngoại tuyến (cấu hình đồng bộ sau)</source>
        <translation>Work &amp;offline (set up sync later)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="47" />
        <source>Địa chỉ &amp;máy chủ</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="48" />
        <source>&amp;Chứng thư được ghim</source>
        <translation>&amp;Pinned certificate</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="51" />
        <source>Mã &amp;xác thực quầy</source>
        <translation>Counter access &amp;token</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="59" />
        <source>Chứng thư máy chủ</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="64" />
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="71" />
        <source>✓ Đã kết nối: cơ quan {agency}, quầy {counter}, {n} cán bộ.</source>
        <translation>✓ Connected: agency {agency}, counter {counter}, {n} officer(s).</translation>
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
    <name>BusyIndicator</name>
    <message>
        <location filename="../../ui/widgets/busy.py" line="41" />
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/busy.py" line="108" />
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context><context>
    <name>CallDisplay</name>
    <message>
        <location filename="../../ui/queue/display.py" line="42" />
        <source>Màn hình gọi số</source>
        <translation>Call display</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="49" />
        <source>MỜI CÔNG DÂN CÓ SỐ THỨ TỰ ĐẾN QUẦY</source>
        <translation>NOW CALLING — PLEASE GO TO THE COUNTER</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="53" />
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="53" />
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="105" />
        <source>Mất kết nối với máy chủ điều phối; đang thử lại…</source>
        <translation>Lost connection to the queue server; retrying…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="114" />
        <source>Số {n} mời đến quầy {c}</source>
        <translation>Number {n}, please go to counter {c}</translation>
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
    <name>ChecklistStep</name>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="164" />
        <source>Tiến độ quét</source>
        <translation>Scan progress</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="165" />
        <source>Hủy quét (Esc)</source>
        <translation>Cancel scan (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="173" />
        <source>&amp;Phí, lệ phí:</source>
        <translation>&amp;Fees:</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="175" />
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="184" />
        <source>Đủ tất cả thành phần (Ctrl+Enter)</source>
        <translation>All components complete (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="187" />
        <source>Tiếp tục với số đã nhập</source>
        <translation>Continue with these counts</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="209" />
        <source>Thành phần hồ sơ — {name}</source>
        <translation>Dossier components — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="235" />
        <source>{name}: {amount}</source>
        <translation>{name}: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="250" />
        <source>Đủ các thành phần bắt buộc.</source>
        <translation>All mandatory components are complete.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="251" />
        <source>Còn thiếu {n} thành phần bắt buộc.</source>
        <translation>{n} mandatory component(s) still missing.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="260" />
        <source>Quét</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="263" />
        <source>Quét thành phần này ({key} cho dòng đang chọn)</source>
        <translation>Scan this component ({key} for the selected row)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="264" />
        <source>Quét: {name}</source>
        <translation>Scan: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="289" />
        <source>Đang quét: {name}…</source>
        <translation>Scanning: {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="296" />
        <source>Trang {n}: %p%</source>
        <translation>Page {n}: %p%</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="304" />
        <source>{name}: {n} trang đã quét.</source>
        <translation>{name}: {n} page(s) scanned.</translation>
    </message>
</context><context>
    <name>CountTile</name>
    <message>
        <location filename="../../ui/dashboard.py" line="55" />
        <source>{caption}: {value}</source>
        <translation>{caption}: {value}</translation>
    </message>
</context><context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="63" />
        <location filename="../../ui/widgets/counter_status.py" line="29" />
        <source>Ngoại tuyến — chưa cấu hình máy chủ đồng bộ</source>
        <translation>Offline — no sync server configured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="50" />
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="52" />
        <source>Cán bộ đăng nhập: {name} ({role})</source>
        <translation>Signed-in officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="55" />
        <source>{counter} ({code})</source>
        <translation>{counter} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="58" />
        <source>Mã cơ quan: {code}</source>
        <translation>Agency code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="65" />
        <source>Ngoại tuyến từ {at}</source>
        <translation>Offline since {at}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="67" />
        <source>Lỗi đồng bộ</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="69" />
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="71" />
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synchronised yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="74" />
        <source>{n} mục chờ gửi · </source>
        <translation>{n} unsent · </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="77" />
        <source>{state}
Lỗi gần nhất: {error}</source>
        <translation>{state}
Last error: {error}</translation>
    </message>
</context><context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../ui/queue/customer.py" line="36" />
        <source>Quầy Một cửa — Màn hình công dân</source>
        <translation>One-Stop Counter — Citizen screen</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="61" />
        <source>Xin kính chào Ông/Bà. Cán bộ đang phục vụ Ông/Bà tại quầy.</source>
        <translation>Welcome. An officer is serving you at this counter.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="70" />
        <source>Thông tin đúng — Xác nhận</source>
        <translation>Details correct — Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="74" />
        <source>Ông/Bà vui lòng kiểm tra thông tin hồ sơ:</source>
        <translation>Please check your dossier details:</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="79" />
        <source>Ông/Bà có hài lòng với sự phục vụ của cán bộ không?</source>
        <translation>Are you satisfied with the officer's service?</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="89" />
        <source>Cảm ơn Ông/Bà đã đánh giá!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="156" />
        <source>Cán bộ: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="168" />
        <source>Số {n}</source>
        <translation>Number {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="175" />
        <source>Mã hồ sơ: {code}</source>
        <translation>Dossier code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="176" />
        <source>Người nộp: {name}</source>
        <translation>Applicant: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="178" />
        <source>Số định danh: {n}</source>
        <translation>ID number: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="180" />
        <source>Ngày hẹn trả: {d}</source>
        <translation>Result due: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/customer.py" line="182" />
        <source>Phí, lệ phí: {fee}</source>
        <translation>Fees: {fee}</translation>
    </message>
</context><context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="82" />
        <source>In báo cáo thu tiền hôm nay</source>
        <translation>Print today's cash report</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="83" />
        <source>Báo cáo thu phí, lệ phí trong ngày của cán bộ đang đăng nhập</source>
        <translation>Today's fee collection report of the signed-in officer</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="96" />
        <source>Tiếp nhận hôm nay</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="97" />
        <source>Đã trả kết quả hôm nay</source>
        <translation>Results returned today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="98" />
        <source>Đến hạn trả hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="99" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="100" />
        <source>Chờ bổ sung giấy tờ</source>
        <translation>Waiting for documents</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="101" />
        <source>Tôi tiếp nhận hôm nay</source>
        <translation>Received by me today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="108" />
        <source>Tiếp nhận và trả kết quả {n} ngày qua</source>
        <translation>Received and returned, last {n} days</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="111" />
        <source>Giải quyết đúng hạn (hồ sơ tiếp nhận {n} ngày qua)</source>
        <translation>Settled on time (dossiers received in the last {n} days)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="150" />
        <source>Tình hình ngày {day}</source>
        <translation>Situation on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="165" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="166" />
        <source>Đã trả kết quả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="168" />
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="169" />
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="170" />
        <source>Quá hạn, chưa xong</source>
        <translation>Overdue, not settled</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="171" />
        <source>Chưa có hồ sơ nào được giải quyết trong {n} ngày qua.</source>
        <translation>No dossier was settled in the last {n} days.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="180" />
        <source>Đang in báo cáo thu phí, lệ phí hôm nay…</source>
        <translation>Printing today's fee collection report…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="211" />
        <source>Đã gửi báo cáo thu phí, lệ phí hôm nay tới máy in {printer}.</source>
        <translation>Today's fee collection report was sent to the printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="214" />
        <source>Chưa có máy in: đã lưu báo cáo thu phí, lệ phí hôm nay thành tệp PDF {path}.</source>
        <translation>No printer: today's fee collection report was saved as the PDF file {path}.</translation>
    </message>
</context><context>
    <name>DemoDevices</name>
    <message>
        <location filename="../../ui/demo_devices.py" line="105" />
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location filename="../../ui/demo_devices.py" line="106" />
        <source>Đặt thẻ căn cước mô phỏng lên đầu đọc</source>
        <translation>Put the simulated ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../ui/demo_devices.py" line="109" />
        <source>Lấy thẻ mô phỏng ra</source>
        <translation>Remove the simulated card</translation>
    </message>
</context><context>
    <name>DeviceIndicator</name>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="51" />
        <source>sẵn sàng</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="52" />
        <source>chưa kết nối</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="53" />
        <source>đang kiểm tra…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="54" />
        <source>lỗi</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="58" />
        <source>{device}: {state}</source>
        <translation>{device}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="59" />
        <source>● {device}</source>
        <translation>● {device}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="87" />
        <source>Phần mềm cho thiết bị này chưa được cài vào ứng dụng. Có thể tiếp tục làm việc bằng cách nhập tay.</source>
        <translation>Support for this device is not installed in the application yet. You can keep working by typing.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="128" />
        <source>Đầu đọc thẻ</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="129" />
        <source>Thẻ</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="130" />
        <source>Máy quét mã</source>
        <translation>Barcode scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="131" />
        <source>Mã vạch</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="132" />
        <source>Máy quét tài liệu</source>
        <translation>Document scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="133" />
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="134" />
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
</context><context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="42" />
        <source>4. Thiết bị tại quầy</source>
        <translation>4. Counter devices</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="43" />
        <source>Bấm “Kiểm tra” cạnh từng thiết bị. Thiết bị chưa có có thể bỏ qua và cấu hình sau.</source>
        <translation>Press the test button next to each device. A device not there yet can be skipped and set up later.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="55" />
        <source>Tên đầu đọc (trống = đầu đọc có thẻ)</source>
        <translation>Reader (empty = the one with a card)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="56" />
        <source>Số CAN trên thẻ (6 số, để đọc thử)</source>
        <translation>Card CAN (6 digits, for the test read)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="57" />
        <source>Đầu đọc thẻ căn cước</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="57" />
        <source>Đọc &amp;thẻ</source>
        <translation>Read &amp;card</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="60" />
        <source>Chế độ máy quét mã</source>
        <translation>Barcode scanner mode</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="61" />
        <source>Bàn phím (USB)</source>
        <translation>Keyboard (USB)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="62" />
        <source>Cổng COM</source>
        <translation>COM port</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="67" />
        <location filename="../../ui/setup_wizard/device_page.py" line="66" />
        <source>Cổng (COM3, /dev/ttyACM0)</source>
        <translation>Port (COM3, /dev/ttyACM0)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="72" />
        <source>Tốc độ cổng (baud)</source>
        <translation>Port speed (baud)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="73" />
        <source>Quét một mã vào ô này</source>
        <translation>Scan a code here</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="74" />
        <source>Máy quét mã vạch / QR</source>
        <translation>Barcode / QR scanner</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="74" />
        <source>Thử &amp;quét mã</source>
        <translation>Test &amp;scan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="77" />
        <source>Máy quét (trống = máy đầu tiên)</source>
        <translation>Scanner (empty = the first one)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="78" />
        <source>Máy quét tài liệu</source>
        <translation>Document scanner</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="78" />
        <source>Quét thử &amp;1 trang</source>
        <translation>Scan &amp;1 test page</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="81" />
        <source>Máy in khổ A4</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="81" />
        <source>In thử A&amp;4</source>
        <translation>Test print A&amp;4</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="82" />
        <source>Máy in khổ A5 (biên nhận)</source>
        <translation>A5 printer (receipts)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="82" />
        <source>In thử A&amp;5</source>
        <translation>Test print A&amp;5</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="83" />
        <source>Máy in nhiệt 80 mm (số thứ tự)</source>
        <translation>80 mm thermal printer (queue tickets)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="84" />
        <source>In thử &amp;80 mm</source>
        <translation>Test print &amp;80 mm</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="92" />
        <source>Thư viện PKCS#11 của hãng (.dll / .so)</source>
        <translation>Vendor's PKCS#11 library (.dll / .so)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="93" />
        <source>Nhãn token (trống = token đầu tiên)</source>
        <translation>Token label (empty = the first token)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="94" />
        <source>Mã PIN (chỉ để ký thử, không lưu)</source>
        <translation>PIN (for the test signature only, not saved)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="96" />
        <source>Token chữ ký số</source>
        <translation>Digital signature token</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="96" />
        <source>&amp;Ký thử</source>
        <translation>Test si&amp;gning</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="120" />
        <source>Chưa kiểm tra.</source>
        <translation>Not tested yet.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="194" />
        <location filename="../../ui/setup_wizard/device_page.py" line="193" />
        <source>Đang kiểm tra…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="214" />
        <source>Đã hủy kiểm tra. Thiết bị có thể vẫn đang xử lý lệnh cũ; kiểm tra lại khi sẵn sàng.</source>
        <translation>Check cancelled. The device may still be working on the previous command; check again when it is ready.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/device_page.py" line="218" />
        <source>Đang kiểm tra thiết bị: chờ kết quả hoặc bấm Hủy (Esc).</source>
        <translation>Checking the device: wait for the result or press Cancel (Esc).</translation>
    </message>
</context><context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../../ui/diagnostics.py" line="33" />
        <source>Đầu đọc thẻ căn cước</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="33" />
        <source>Máy quét mã vạch / QR</source>
        <translation>Barcode / QR scanner</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="34" />
        <source>Máy quét tài liệu</source>
        <translation>Document scanner</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="34" />
        <source>Máy in A4</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="35" />
        <source>Máy in A5</source>
        <translation>A5 printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="35" />
        <source>Máy in nhiệt 80 mm</source>
        <translation>80 mm thermal printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="36" />
        <source>Token chữ ký số</source>
        <translation>Digital signature token</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="37" />
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="39" />
        <source>&amp;Xuất gói hỗ trợ…</source>
        <translation>&amp;Export support bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="41" />
        <source>Kiểm tra &amp;phiên bản mới</source>
        <translation>Check for &amp;updates</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="128" />
        <location filename="../../ui/diagnostics.py" line="50" />
        <source>Đang thu thập thông tin…</source>
        <translation>Collecting information…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="55" />
        <source>Thiết bị</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="61" />
        <source>Quét một mã vào đây rồi bấm Kiểm tra</source>
        <translation>Scan a code here, then press Test</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="62" />
        <source>Ô thử máy quét mã</source>
        <translation>Barcode scanner test box</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="65" />
        <source>Chưa kiểm tra.</source>
        <translation>Not tested yet.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="71" />
        <source>Kiểm tra</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="72" />
        <source>Kiểm tra {device}</source>
        <translation>Test {device}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="89" />
        <source>Lỗi gần đây</source>
        <translation>Recent errors</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="100" />
        <source>Chẩn đoán</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="135" />
        <source>tốt</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="135" />
        <source>LỖI</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="136" />
        <source>{bad} từ mục {first}</source>
        <translation>{bad} from entry {first}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="138" />
        <source>Phiên bản ứng dụng {app} · Python {py} · {platform}</source>
        <translation>Application version {app} · Python {py} · {platform}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="140" />
        <source>Cơ sở dữ liệu: {state} (phiên bản lược đồ {rev}{enc})</source>
        <translation>Database: {state} (schema revision {rev}{enc})</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="142" />
        <source>, mã hóa</source>
        <translation>, encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="143" />
        <source>Chuỗi nhật ký kiểm toán: {state} ({n} mục)</source>
        <translation>Audit log chain: {state} ({n} entries)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="145" />
        <source>Đồng bộ: {online} · chờ gửi {events} sự kiện, {uploads} tệp · lần thành công gần nhất {last}</source>
        <translation>Sync: {online} · waiting to send {events} event(s), {uploads} file(s) · last success {last}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="147" />
        <source>trực tuyến</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="147" />
        <source>ngoại tuyến</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="150" />
        <source>Ổ đĩa: còn trống {free} MB / {total} MB</source>
        <translation>Disk: {free} MB free of {total} MB</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="151" />
        <source>Thư viện: {packages}</source>
        <translation>Libraries: {packages}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="154" />
        <source>Lỗi đồng bộ gần nhất: {error}</source>
        <translation>Last sync error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="158" />
        <source>Không có lỗi nào được ghi gần đây.</source>
        <translation>No errors logged recently.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="168" />
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="168" />
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="168" />
        <source>Lỗi nghiêm trọng</source>
        <translation>Critical error</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="172" />
        <source>{at} {level}: {message}
    chi tiết kỹ thuật — {detail}</source>
        <translation>{at} {level}: {message}
    technical detail — {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="174" />
        <source>{at} {level} (lỗi kỹ thuật, chi tiết cho bộ phận hỗ trợ) — {detail}</source>
        <translation>{at} {level} (technical error, detail for the help desk) — {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="195" />
        <location filename="../../ui/diagnostics.py" line="184" />
        <source>Đang kiểm tra…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="197" />
        <source>Đã hủy kiểm tra. Thiết bị có thể vẫn đang xử lý lệnh cũ.</source>
        <translation>Check cancelled. The device may still be working on the previous command.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="216" />
        <source>Đang hỏi hệ thống của thành phố…</source>
        <translation>Asking the city system…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="226" />
        <source>Không có phiên bản mới được công bố (máy đang dùng {v}, hoặc chưa cấu hình máy chủ).</source>
        <translation>No new version published (this computer runs {v}, or no server is configured).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="229" />
        <source>Phiên bản mới nhất được công bố: {latest} (máy đang dùng {v}). Cán bộ kỹ thuật cài đặt ngoài giờ tiếp nhận; ứng dụng không tự cập nhật.</source>
        <translation>Latest published version: {latest} (this computer runs {v}). Technical staff install it outside reception hours; the application does not update itself.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236" />
        <source>Xuất gói hỗ trợ</source>
        <translation>Export support bundle</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="247" />
        <source>Đã xuất gói hỗ trợ (đã ẩn dữ liệu cá nhân): {path}</source>
        <translation>Support bundle exported (personal data hidden): {path}</translation>
    </message>
</context><context>
    <name>DoneStep</name>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="101" />
        <source>Người tiếp theo (Enter)</source>
        <translation>Next citizen (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="105" />
        <source>In lại giấy tiếp nhận</source>
        <translation>Reprint the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="106" />
        <source>In lại cần ghi lý do và lãnh đạo phê duyệt</source>
        <translation>A reprint needs a reason and a supervisor's approval</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="121" />
        <source>Đã tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="122" />
        <source>Đã ghi yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement request recorded</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="123" />
        <source>Đã ghi từ chối tiếp nhận</source>
        <translation>Refusal recorded</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="125" />
        <source>Mã hồ sơ: {code}</source>
        <translation>Dossier code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="126" />
        <source>Hẹn trả kết quả: {when}</source>
        <translation>Result due: {when}</translation>
    </message>
</context><context>
    <name>DossierDetailPanel</name>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="64" />
        <source>Trả kết quả (F3)</source>
        <translation>Return results (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="67" />
        <source>In lại giấy tiếp nhận</source>
        <translation>Reprint the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="68" />
        <source>In lại giấy tiếp nhận hồ sơ: cần ghi lý do và lãnh đạo phê duyệt</source>
        <translation>Reprint the dossier receipt: needs a reason and a supervisor's approval</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="78" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="78" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="79" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="79" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="80" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="80" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="81" />
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="81" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="96" />
        <source>Chọn một hồ sơ trong danh sách để xem chi tiết.</source>
        <translation>Choose a dossier in the list to see its details.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="105" />
        <source>Các khoản đã thu</source>
        <translation>Fees collected</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="109" />
        <source>Tệp số hóa</source>
        <translation>Digitised files</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="110" />
        <source>Thành phần đã nhận</source>
        <translation>Components received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="111" />
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="116" />
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="142" />
        <source> ({n} trang)</source>
        <translation> ({n} page(s))</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="170" />
        <source> — QUÁ HẠN</source>
        <translation> — OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="185" />
        <source>{name}: {o} chính, {c} sao</source>
        <translation>{name}: {o} original(s), {c} copy(ies)</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="202" />
        <source>Chuyển hồ sơ sang “{status}”</source>
        <translation>Move the dossier to “{status}”</translation>
    </message>
</context><context>
    <name>DossierResultModel</name>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="45" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="45" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="45" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
</context><context>
    <name>DossierSearchPage</name>
    <message>
        <location filename="../../ui/dossiers/page.py" line="48" />
        <source>Mã hồ sơ, họ tên, số định danh hoặc số điện thoại</source>
        <translation>Dossier code, name, ID number or phone number</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="50" />
        <source>Tìm hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="52" />
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="150" />
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="150" />
        <source>Không có hồ sơ nào.</source>
        <translation>No dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="184" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="184" />
        <source>Lý do chuyển sang “{status}”:</source>
        <translation>Reason for moving to “{status}”:</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="195" />
        <source>Cần ghi lý do khi chuyển hồ sơ sang “{status}”.</source>
        <translation>A reason is needed to move the dossier to “{status}”.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="207" />
        <source>In lại giấy tiếp nhận</source>
        <translation>Reprint the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="207" />
        <source>Lý do in lại giấy tiếp nhận hồ sơ {code} (ví dụ: bản giao công dân bị mất, in hỏng):</source>
        <translation>Reason for reprinting the receipt of dossier {code} (e.g. the citizen's copy was lost, a misprint):</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="219" />
        <source>Chưa cài đặt phần in biểu mẫu: không in được giấy tiếp nhận.</source>
        <translation>Form printing is not installed: the receipt cannot be printed.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="224" />
        <source>In lại giấy tiếp nhận cần ghi lý do (ví dụ: bản giao công dân bị mất).</source>
        <translation>Reprinting the receipt needs a reason (e.g. the citizen's copy was lost).</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="227" />
        <source>Giấy tiếp nhận của hồ sơ {code}</source>
        <translation>Receipt of dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="240" />
        <source>Đã gửi giấy tiếp nhận hồ sơ {code} tới máy in {printer}.</source>
        <translation>The receipt of dossier {code} was sent to printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="243" />
        <source>Chưa có máy in: đã lưu giấy tiếp nhận hồ sơ {code} thành tệp PDF {path}.</source>
        <translation>No printer: the receipt of dossier {code} was saved as the PDF file {path}.</translation>
    </message>
</context><context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="35" />
        <source>Xin lỗi và gia hạn</source>
        <translation>Apologise and extend</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="45" />
        <location filename="../../ui/handoff_dialogs.py" line="39" />
        <source>Hẹn trả mới</source>
        <translation>New due date</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="41" />
        <source>Lý do chậm trả kết quả</source>
        <translation>Reason for the late result</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="43" />
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="44" />
        <source>Hẹn trả cũ</source>
        <translation>Previous due date</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="46" />
        <source>Gợi ý theo ngày làm việc (đã trừ ngày nghỉ, ngày lễ); có thể sửa.</source>
        <translation>Suggested in working days (weekends and holidays excluded); you can change it.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="47" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context><context>
    <name>FeeActions</name>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="144" />
        <location filename="../../ui/dossiers/fee_actions.py" line="140" />
        <source>Hoàn phí</source>
        <translation>Refund fee</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="140" />
        <source>Số tiền hoàn theo biên lai {receipt} (đồng):</source>
        <translation>Amount to refund on receipt {receipt} (đồng):</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="144" />
        <source>Lý do hoàn phí:</source>
        <translation>Reason for the refund:</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="149" />
        <source>Hủy biên lai</source>
        <translation>Cancel receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="149" />
        <source>Lý do hủy biên lai {receipt}:</source>
        <translation>Reason for cancelling receipt {receipt}:</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="158" />
        <source>Ghi rõ lý do hoàn phí.</source>
        <translation>Enter the reason for the refund.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="159" />
        <source>Ghi rõ lý do hủy biên lai.</source>
        <translation>Enter the reason for cancelling the receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="178" />
        <source>Đã hoàn {amount} theo biên lai {receipt} của hồ sơ {code}.</source>
        <translation>Refunded {amount} on receipt {receipt} of dossier {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="182" />
        <source>Đã hủy biên lai {receipt} ({amount}) của hồ sơ {code}.</source>
        <translation>Cancelled receipt {receipt} ({amount}) of dossier {code}.</translation>
    </message>
</context><context>
    <name>FlowPage</name>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="50" />
        <source>Đang kiểm tra, chờ một chút…</source>
        <translation>Checking; please wait…</translation>
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
    <name>HandoffDialogs</name>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="20" />
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="21" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context><context>
    <name>HandoffPage</name>
    <message>
        <location filename="../../ui/handoffs.py" line="80" />
        <location filename="../../ui/handoffs.py" line="68" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="80" />
        <location filename="../../ui/handoffs.py" line="68" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="68" />
        <source>Nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="80" />
        <location filename="../../ui/handoffs.py" line="68" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="69" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="70" />
        <source>Lô hồ sơ chuyển hôm nay</source>
        <translation>Today's hand-off batch</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="72" />
        <source>Cơ quan, bộ phận nhận hồ sơ</source>
        <translation>Receiving agency or unit</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="73" />
        <source>Duyệt và chuyển</source>
        <translation>Approve and hand off</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="77" />
        <source>Quét mã vạch trên kết quả, hoặc nhập mã hồ sơ rồi Enter</source>
        <translation>Scan the barcode on the result, or type the dossier code and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="78" />
        <source>Nhận kết quả</source>
        <translation>Receive result</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="80" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="81" />
        <source>Hồ sơ sắp đến hạn, quá hạn</source>
        <translation>Dossiers due soon or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="82" />
        <source>Xin lỗi và gia hạn</source>
        <translation>Apologise and extend</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="84" />
        <source>Dừng giải quyết hồ sơ</source>
        <translation>Stop processing a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="85" />
        <source>Dừng giải quyết hồ sơ và in thông báo (Mẫu 05)</source>
        <translation>Stop processing a dossier and print the notice (Form 05)</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="96" />
        <source>Chuyển đến</source>
        <translation>Hand off to</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="99" />
        <source>Sắp đến hạn, quá hạn</source>
        <translation>Due soon, overdue</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="101" />
        <source>Nhận kết quả từ cơ quan giải quyết</source>
        <translation>Receive results from the processing agency</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="119" />
        <source>Chuyển hồ sơ</source>
        <translation>Hand-offs</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="141" />
        <source>Lô chuyển ngày {day}: {n} hồ sơ</source>
        <translation>Hand-off batch of {day}: {n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="149" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="149" />
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="158" />
        <source>Không có hồ sơ nào trong lô chuyển.</source>
        <translation>The hand-off batch is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="161" />
        <source>Chọn cơ quan/bộ phận nhận hồ sơ.</source>
        <translation>Choose the receiving agency or unit.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="163" />
        <source>Lô chuyển {n} hồ sơ đến {unit}</source>
        <translation>Hand-off batch of {n} dossier(s) to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="164" />
        <source>Lô chuyển {n} hồ sơ ngày {day}</source>
        <translation>Hand-off batch of {n} dossier(s) on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="177" />
        <source>Đã chuyển {n} hồ sơ đến {unit}. Đang in danh sách và phiếu kiểm soát…</source>
        <translation>{n} dossier(s) handed off to {unit}. Printing the list and control slips…</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="197" />
        <source>Đã in danh sách hồ sơ chuyển và {n} phiếu kiểm soát.</source>
        <translation>Printed the hand-off list and {n} control slip(s).</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="205" />
        <source>Quét mã vạch trên kết quả hoặc nhập mã hồ sơ.</source>
        <translation>Scan the barcode on the result or type the dossier code.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="226" />
        <source>Đã nhận kết quả hồ sơ {code}: chờ trả cho công dân. Đã gửi thông báo.</source>
        <translation>Result of dossier {code} received: waiting to be returned to the citizen. Notification sent.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="241" />
        <source>Chọn một hồ sơ trong danh sách sắp đến hạn, quá hạn.</source>
        <translation>Choose a dossier in the due soon / overdue list.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="258" />
        <source>Ghi rõ lý do chậm trả kết quả (in trên văn bản xin lỗi).</source>
        <translation>State the reason for the late result (printed on the apology letter).</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="261" />
        <source>Hồ sơ {code}: hẹn trả kết quả mới {new}</source>
        <translation>Dossier {code}: new result date {new}</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="288" />
        <source>Đã gia hạn hồ sơ {code} và in văn bản xin lỗi (Mẫu 04).</source>
        <translation>Dossier {code} extended and the apology letter printed (Form 04).</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="311" />
        <source>Nhập mã hồ sơ cần dừng giải quyết.</source>
        <translation>Enter the code of the dossier to stop.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="314" />
        <source>Ghi rõ lý do dừng giải quyết hồ sơ (in trên Thông báo dừng giải quyết hồ sơ).</source>
        <translation>State the reason for stopping (printed on the stop-processing notice).</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="352" />
        <source>Đã dừng giải quyết hồ sơ {code}. Căn cứ pháp lý của hồ sơ không có mẫu thông báo dừng: lập văn bản riêng.</source>
        <translation>Processing of dossier {code} stopped. Its legal basis has no stop notice form: draft a separate letter.</translation>
    </message>
    <message>
        <location filename="../../ui/handoffs.py" line="355" />
        <source>Đã dừng giải quyết hồ sơ {code} và in thông báo (Mẫu 05).</source>
        <translation>Processing of dossier {code} stopped and the notice printed (Form 05).</translation>
    </message>
</context><context>
    <name>IdentifyStep</name>
    <message>
        <location filename="../../ui/reception/identity.py" line="77" />
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="79" />
        <source>Đặt thẻ căn cước lên đầu đọc, quét mã QR trên thẻ, hoặc nhập tay.</source>
        <translation>Place the ID card on the reader, scan the QR code on the card, or type.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="85" />
        <source>Quét mã QR trên thẻ căn cước vào đây</source>
        <translation>Scan the QR code of the ID card here</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="86" />
        <source>Mã QR trên thẻ</source>
        <translation>Card QR code</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="89" />
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="92" />
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="94" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="94" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="98" />
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="102" />
        <source>Mã &amp;QR trên thẻ</source>
        <translation>Card &amp;QR code</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="104" />
        <source>Số định &amp;danh cá nhân</source>
        <translation>Personal &amp;ID number</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="105" />
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="106" />
        <source>Ngày &amp;sinh</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="107" />
        <source>&amp;Giới tính</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="109" />
        <source>Số điện &amp;thoại</source>
        <translation>&amp;Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="120" />
        <source>Hủy đọc thẻ (Esc)</source>
        <translation>Cancel card read (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="121" />
        <source>Hủy đọc chip đang chạy</source>
        <translation>Cancel the running chip read</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="127" />
        <source>Tiếp tục (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="60" />
        <source>Máy lấy số thứ tự</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="76" />
        <source>LẤY SỐ THỨ TỰ</source>
        <translation>TAKE A QUEUE NUMBER</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="105" />
        <source>Mời Ông/Bà chạm vào lĩnh vực cần giải quyết</source>
        <translation>Please touch the service you need</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="107" />
        <source>Người cao tuổi, người khuyết tật, phụ nữ mang thai và người đi cùng con nhỏ được phục vụ ưu tiên.</source>
        <translation>Elderly people, people with disabilities, pregnant women and people with small children are served first.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="115" />
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="124" />
        <source>Quay lại (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="132" />
        <source>Ông/Bà có thuộc diện được phục vụ ưu tiên không?</source>
        <translation>Are you entitled to priority service?</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="139" />
        <source>Đang cấp số, vui lòng chờ trong giây lát…</source>
        <translation>Issuing your number, please wait a moment…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="149" />
        <source>Số thứ tự của Ông/Bà</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="152" />
        <source>Vui lòng chờ đến khi số được gọi trên màn hình. Chạm để tiếp tục.</source>
        <translation>Please wait until your number is called on the display. Touch to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="161" />
        <source>Chạm vào màn hình để quay lại.</source>
        <translation>Touch the screen to go back.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="226" />
        <source>Số thứ tự {n}</source>
        <translation>Queue number {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="228" />
        <source>Số người đang chờ trước Ông/Bà: {n}</source>
        <translation>People waiting before you: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="229" />
        <source>Lấy số lúc {t}</source>
        <translation>Taken at {t}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="230" />
        <source>Máy in phiếu đang gặp sự cố (hết giấy hoặc kẹt giấy). Số của Ông/Bà đã được ghi nhận: vui lòng ghi nhớ số trên màn hình và báo cán bộ hướng dẫn.</source>
        <translation>The ticket printer has a problem (out of paper or jammed). Your number has been recorded: please remember the number on the screen and tell the reception staff.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="233" />
        <source>Hiện chưa lấy được số thứ tự. Vui lòng nhận số tại quầy hướng dẫn hoặc báo cán bộ của bộ phận một cửa.</source>
        <translation>A queue number could not be issued right now. Please get a number at the reception desk or ask the one-stop shop staff.</translation>
    </message>
</context><context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="117" />
        <source>Đang tiếp nhận</source>
        <translation>Being received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118" />
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119" />
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120" />
        <source>Không được tiếp nhận</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121" />
        <source>Đang xử lý</source>
        <translation>Being processed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122" />
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Additional documents requested</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123" />
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124" />
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawal requested by the citizen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125" />
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="126" />
        <source>Đã xử lý xong</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127" />
        <source>Đã trả kết quả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128" />
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129" />
        <source>đang chờ</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130" />
        <source>đã gọi</source>
        <translation>called</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131" />
        <source>đang phục vụ</source>
        <translation>being served</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132" />
        <source>tạm dừng</source>
        <translation>on hold</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133" />
        <source>đã xong</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134" />
        <source>vắng mặt</source>
        <translation>no-show</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135" />
        <source>tiếp nhận hồ sơ</source>
        <translation>receive a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136" />
        <source>yêu cầu bổ sung hồ sơ</source>
        <translation>request additional documents</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137" />
        <source>từ chối tiếp nhận hồ sơ</source>
        <translation>refuse a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138" />
        <source>hủy hồ sơ</source>
        <translation>cancel a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139" />
        <source>in lại giấy tiếp nhận</source>
        <translation>reprint a receipt</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140" />
        <source>chuyển hồ sơ cho cơ quan giải quyết</source>
        <translation>hand a dossier to the processing agency</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141" />
        <source>xin lỗi và gia hạn thời gian giải quyết</source>
        <translation>apologise and extend the processing time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142" />
        <source>trả kết quả</source>
        <translation>return a result</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143" />
        <source>rút hồ sơ</source>
        <translation>withdraw a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144" />
        <source>thu phí, lệ phí</source>
        <translation>collect fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145" />
        <source>hoàn phí, lệ phí</source>
        <translation>refund fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146" />
        <source>xem dữ liệu cá nhân</source>
        <translation>view personal data</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147" />
        <source>xuất dữ liệu cá nhân</source>
        <translation>export personal data</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148" />
        <source>phê duyệt</source>
        <translation>approve</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149" />
        <source>sửa lịch ngày nghỉ/làm bù</source>
        <translation>edit holidays / make-up days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150" />
        <source>nạp danh mục thủ tục</source>
        <translation>import the procedure catalog</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151" />
        <source>quản lý cán bộ</source>
        <translation>manage officers</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152" />
        <source>cấu hình quầy</source>
        <translation>configure the counter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153" />
        <source>kiểm tra nhật ký</source>
        <translation>verify the audit log</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154" />
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155" />
        <source>{n} ngày làm việc</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156" />
        <source>{n} giờ làm việc</source>
        <translation>{n} working hours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157" />
        <source>Chậm chuyển (lô ngày {day})</source>
        <translation>Handed over late (batch of {day})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158" />
        <source>Chuyển trong ngày</source>
        <translation>Handed over the same day</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159" />
        <source>Chuyển từ {a} đến {b}</source>
        <translation>Handed from {a} to {b}</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160" />
        <source>{a} nhận hồ sơ</source>
        <translation>{a} received the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161" />
        <source>Số hóa: {what}</source>
        <translation>Digitised: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162" />
        <source> ({n} trang)</source>
        <translation> ({n} page(s))</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163" />
        <source>In lại</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164" />
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165" />
        <source> — không in được</source>
        <translation> — could not print</translation>
    </message>
</context><context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/lock.py" line="62" />
        <source>Màn hình đã khóa do không thao tác. Nhập mật khẩu để tiếp tục.</source>
        <translation>The screen locked after inactivity. Enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="68" />
        <location filename="../../ui/lock.py" line="67" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="73" />
        <source>Mở khóa (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="75" />
        <source>Đổi cán bộ</source>
        <translation>Switch officer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="98" />
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>Bộ phận Tiếp nhận và Trả kết quả</source>
        <translation>Reception and Results Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <source>Tiếp nhận (F2)</source>
        <translation>Reception (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <source>Trả kết quả (F3)</source>
        <translation>Return results (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>Tra cứu hồ sơ (F4)</source>
        <translation>Dossiers (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>Thủ tục (F6)</source>
        <translation>Procedures (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>Tổng quan (F8)</source>
        <translation>Dashboard (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225" />
        <source>Máy này chưa được cấu hình máy chủ đồng bộ của thành phố (counter-app sync --configure).</source>
        <translation>This computer has no city sync server configured (counter-app sync --configure).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356" />
        <source>Đổi &amp;cán bộ</source>
        <translation>S&amp;witch officer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357" />
        <source>&amp;Khóa màn hình</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358" />
        <source>Đồng bộ &amp;ngay</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365" />
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367" />
        <source>&amp;Tìm thủ tục</source>
        <translation>&amp;Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369" />
        <source>Tiếp &amp;nhận hồ sơ</source>
        <translation>&amp;Receive a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371" />
        <source>T&amp;rả kết quả</source>
        <translation>Return res&amp;ults</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373" />
        <source>Tra cứu &amp;hồ sơ</source>
        <translation>Find &amp;dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375" />
        <source>Tổng &amp;quan</source>
        <translation>Dash&amp;board</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379" />
        <source>Chữ &amp;lớn hơn</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381" />
        <source>Chữ &amp;nhỏ hơn</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382" />
        <source>Cỡ chữ &amp;mặc định</source>
        <translation>&amp;Default text size</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="390" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440" />
        <source>Quầy Một cửa {version}

Ứng dụng tại quầy của Bộ phận Tiếp nhận và Trả kết quả.
Màu sắc và nhận diện trong bản này chưa phải bản chính thức.</source>
        <translation>One-Stop Counter {version}

The counter application of the Reception and Results Desk.
The colours and identity in this version are not yet official.</translation>
    </message>
</context><context>
    <name>OfficerPage</name>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="128" />
        <source>3. Cán bộ đăng nhập</source>
        <translation>3. Officer sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="129" />
        <source>Cán bộ đầu tiên sử dụng quầy này.</source>
        <translation>The first officer to use this counter.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="130" />
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="131" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="132" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="133" />
        <source>Nhập lại mật khẩu</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="135" />
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="136" />
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="137" />
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="138" />
        <source>&amp;Nhập lại mật khẩu</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="147" />
        <source>Đăng nhập bằng tài khoản của cán bộ trên hệ thống của thành phố.</source>
        <translation>Sign in with the officer's account on the city system.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="148" />
        <source>Tạo tài khoản quản trị của quầy (mật khẩu ít nhất 8 ký tự). Cán bộ khác được thêm khi quầy đồng bộ với hệ thống của thành phố.</source>
        <translation>Create the counter's administrator account (password of at least 8 characters). Other officers are added when the counter syncs with the city system.</translation>
    </message>
</context><context>
    <name>OnlinePage</name>
    <message>
        <location filename="../../ui/online/page.py" line="58" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="59" />
        <source>Tải lại danh sách hồ sơ trực tuyến chờ tiếp nhận</source>
        <translation>Reload the list of online dossiers awaiting reception</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="62" />
        <source>Hồ sơ bưu chính</source>
        <translation>Postal dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="65" />
        <source>Tiếp nhận hồ sơ qua bưu chính…</source>
        <translation>Receive a dossier by post…</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="66" />
        <source>Gửi kết quả qua bưu chính…</source>
        <translation>Send a result by post…</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="77" />
        <source>Nộp lúc</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="77" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="77" />
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="78" />
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="78" />
        <source>Tệp</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="111" />
        <source>Hồ sơ trực tuyến</source>
        <translation>Online dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="123" />
        <source>Đang tải danh sách từ hệ thống của thành phố…</source>
        <translation>Loading the list from the city system…</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="136" />
        <source>{n} hồ sơ trực tuyến đang chờ tiếp nhận.</source>
        <translation>{n} online dossier(s) awaiting reception.</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="151" />
        <source>Không tải được danh sách hồ sơ trực tuyến.</source>
        <translation>The list of online dossiers could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="241" />
        <source>Đã ghi hồ sơ {code}; đang gửi phiếu cho công dân…</source>
        <translation>Dossier {code} recorded; sending the slip to the citizen…</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="250" />
        <source>Hồ sơ {code}: đã gửi phiếu (PDF) cho công dân.</source>
        <translation>Dossier {code}: slip (PDF) sent to the citizen.</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="269" />
        <source>Đã ghi hồ sơ bưu chính {code}.</source>
        <translation>Postal dossier {code} recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/online/page.py" line="280" />
        <source>Đã ghi nhận gửi kết quả hồ sơ {code} qua bưu chính.</source>
        <translation>Recorded that the result of dossier {code} was sent by post.</translation>
    </message>
</context><context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/ops.py" line="39" />
        <source>Thao tác chưa thực hiện được do lỗi không mong đợi. Dữ liệu chưa bị thay đổi; hãy thử lại, và báo bộ phận hỗ trợ nếu lỗi lặp lại.</source>
        <translation>The operation failed because of an unexpected error. No data was changed; try again, and tell support if it happens again.</translation>
    </message>
</context><context>
    <name>OutcomeStep</name>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="35" />
        <source>Kết quả tiếp nhận</source>
        <translation>Reception outcome</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="44" />
        <source>Lý do (bắt buộc khi từ chối; ghi trên phiếu)</source>
        <translation>Reason (required to refuse; printed on the slip)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="45" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="46" />
        <source>Tiếp nhận hồ sơ (Enter)</source>
        <translation>Receive the dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="48" />
        <source>Yêu cầu bổ sung (Mẫu 02)</source>
        <translation>Request a supplement (Form 02)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="49" />
        <source>Từ chối tiếp nhận (Mẫu 03)</source>
        <translation>Refuse (Form 03)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="50" />
        <source>Cần lãnh đạo phê duyệt ngay tại quầy (bốn mắt).</source>
        <translation>Needs a supervisor's approval here at the counter (four eyes).</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="75" />
        <source>Hồ sơ chưa đủ: chưa có ngày hẹn trả.</source>
        <translation>The dossier is incomplete: no appointment yet.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="77" />
        <source>Còn thiếu: {names}</source>
        <translation>Missing: {names}</translation>
    </message>
</context><context>
    <name>PaymentsBox</name>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="55" />
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="56" />
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="57" />
        <source>Quét mã QR</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="58" />
        <source>Biên lai {receipt}: {amount}, {method}</source>
        <translation>Receipt {receipt}: {amount}, {method}</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="61" />
        <source> — đã hủy biên lai</source>
        <translation> — receipt cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="63" />
        <source> — đã hoàn {amount}</source>
        <translation> — {amount} refunded</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="80" />
        <source>Hoàn phí</source>
        <translation>Refund fee</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="81" />
        <source>Hoàn phí, lệ phí theo biên lai đã chọn: cần lý do và lãnh đạo phê duyệt số tiền</source>
        <translation>Refund fees on the selected receipt: needs a reason and a supervisor's approval of the amount</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="83" />
        <source>Hủy biên lai</source>
        <translation>Cancel receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/fee_actions.py" line="84" />
        <source>Hủy biên lai thu nhầm: cần lý do và lãnh đạo phê duyệt</source>
        <translation>Cancel a receipt issued by mistake: needs a reason and a supervisor's approval</translation>
    </message>
</context><context>
    <name>PeriodFilter</name>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="34" />
        <source>Mọi ngày</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="34" />
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="34" />
        <source>7 ngày qua</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="34" />
        <source>30 ngày qua</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="35" />
        <source>Khoảng ngày</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="36" />
        <source>Thời gian tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="37" />
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="37" />
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="41" />
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="43" />
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/filters.py" line="95" />
        <source>Khoảng ngày không hợp lệ: “từ ngày” đang sau “đến ngày”.</source>
        <translation>Invalid date range: “from” is after “to”.</translation>
    </message>
</context><context>
    <name>PostalDialog</name>
    <message>
        <location filename="../../ui/online/postal.py" line="39" />
        <source>Tiếp nhận hồ sơ qua bưu chính</source>
        <translation>Receive a dossier by post</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="45" />
        <source>Quét hoặc nhập số hiệu bưu gửi, ví dụ EB123456785VN</source>
        <translation>Scan or type the postal item number, e.g. EB123456785VN</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="49" />
        <source>Mã hoặc tên thủ tục</source>
        <translation>Procedure code or name</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="55" />
        <source>Lý do / giấy tờ cần bổ sung</source>
        <translation>Reason / documents to supplement</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="57" />
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="58" />
        <source>Họ tên chủ hồ sơ</source>
        <translation>Applicant's full name</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="59" />
        <source>Số định danh cá nhân</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="60" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="61" />
        <source>Địa chỉ nhận kết quả</source>
        <translation>Address for the result</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="62" />
        <source>Tìm thủ tục</source>
        <translation>Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="63" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="67" />
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="67" />
        <source>Yêu cầu bổ sung</source>
        <translation>Request a supplement</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="68" />
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="74" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="80" />
        <source>Giấy tờ có trong bưu gửi (đánh dấu từng thành phần)</source>
        <translation>Documents in the postal item (tick each component)</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="123" />
        <source>Chọn thủ tục của hồ sơ.</source>
        <translation>Choose the dossier's procedure.</translation>
    </message>
</context><context>
    <name>PostalReturnDialog</name>
    <message>
        <location filename="../../ui/online/postal.py" line="174" />
        <source>Gửi kết quả qua bưu chính</source>
        <translation>Send a result by post</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="178" />
        <source>Quét mã vạch trên giấy tiếp nhận</source>
        <translation>Scan the barcode on the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="180" />
        <source>Quét số hiệu bưu gửi</source>
        <translation>Scan the postal item number</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="184" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="185" />
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="187" />
        <source>Ghi nhận đã gửi</source>
        <translation>Record as sent</translation>
    </message>
    <message>
        <location filename="../../ui/online/postal.py" line="202" />
        <source>Nhập hoặc quét mã hồ sơ.</source>
        <translation>Type or scan the dossier code.</translation>
    </message>
</context><context>
    <name>ProcedureDetail</name>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="44" />
        <source>Chọn một thủ tục ở bên trái để xem thành phần hồ sơ, thời hạn và ngày hẹn trả.</source>
        <translation>Choose a procedure on the left to see its dossier components, time limit and result date.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="68" />
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="68" />
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="69" />
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="70" />
        <source>Cơ quan giải quyết</source>
        <translation>Processing agency</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="106" />
        <location filename="../../ui/widgets/procedure_detail.py" line="90" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier components</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="96" />
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="97" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="138" />
        <source>Không thu phí, lệ phí</source>
        <translation>No fees or charges</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="141" />
        <source>{name}: {amount}</source>
        <translation>{name}: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="146" />
        <source>Nếu tiếp nhận lúc này, hẹn trả: {when}</source>
        <translation>If received now, result due: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="148" />
        <source>Thời hạn giải quyết bắt đầu tính từ {when}.</source>
        <translation>The time limit starts counting at {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_detail.py" line="156" />
        <source>Chưa tính được ngày hẹn trả.</source>
        <translation>The result date could not be computed.</translation>
    </message>
</context><context>
    <name>ProcedureSearch</name>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="38" />
        <source>Tìm thủ tục hành chính</source>
        <translation>Find an administrative procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="42" />
        <source>Tên, lĩnh vực hoặc mã thủ tục</source>
        <translation>Procedure name, field or code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="44" />
        <source>Tìm thủ tục</source>
        <translation>Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="57" />
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="104" />
        <location filename="../../ui/widgets/procedure_search.py" line="59" />
        <source>Gõ vài chữ, không cần dấu. Ctrl+F: về ô tìm kiếm.</source>
        <translation>Type a few letters; accents are optional. Ctrl+F: back to the search box.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="110" />
        <source>Không tìm được.</source>
        <translation>The search failed.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="116" />
        <source>Tìm thấy {count} thủ tục — ↑/↓ để chọn, Enter để xem.</source>
        <translation>Procedures found: {count} — ↑/↓ to choose, Enter to open.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_search.py" line="119" />
        <source>Không tìm thấy thủ tục nào. Thử từ khác, hoặc gõ mã thủ tục.</source>
        <translation>No procedure found. Try other words, or type the procedure code.</translation>
    </message>
</context><context>
    <name>ProcedureStep</name>
    <message>
        <location filename="../../ui/reception/procedure_step.py" line="39" />
        <source>★ Ưa dùng:</source>
        <translation>★ Favourites:</translation>
    </message>
    <message>
        <location filename="../../ui/reception/procedure_step.py" line="41" />
        <source>Thủ tục gần đây:</source>
        <translation>Recent procedures:</translation>
    </message>
    <message>
        <location filename="../../ui/reception/procedure_step.py" line="105" />
        <source>Alt+{n}: {name}</source>
        <translation>Alt+{n}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/procedure_step.py" line="132" />
        <source>★ Bỏ ưa dùng ({key})</source>
        <translation>★ Remove favourite ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/reception/procedure_step.py" line="133" />
        <source>☆ Đánh dấu ưa dùng ({key})</source>
        <translation>☆ Mark as favourite ({key})</translation>
    </message>
</context><context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue/panel.py" line="63" />
        <source>Gọi số tiếp theo (F5)</source>
        <translation>Call next number (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="66" />
        <source>Gọi lại</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="66" />
        <source>Bắt đầu phục vụ</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="66" />
        <source>Vắng mặt</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="67" />
        <source>Tạm dừng</source>
        <translation>Put on hold</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="67" />
        <source>Tiếp tục</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="67" />
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="76" />
        <source>hoặc quầy (Q02)</source>
        <translation>e.g. Q02</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="77" />
        <source>Chuyển</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="85" />
        <source>Số trên phiếu giấy (A027)</source>
        <translation>Ticket number (A027)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="86" />
        <source>Số phiếu giấy</source>
        <translation>Paper ticket number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="87" />
        <source>Nhập phiếu giấy</source>
        <translation>Enter paper ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="95" />
        <source>Màn hình công dân</source>
        <translation>Citizen screen</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="97" />
        <source>Chuyển sang khu vực / quầy:</source>
        <translation>Transfer to area / counter:</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="98" />
        <source>Mất kết nối? Nhập số trên phiếu giấy:</source>
        <translation>Connection lost? Enter the paper ticket number:</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="122" />
        <source>Gọi số tiếp theo</source>
        <translation>Call next number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="152" />
        <source>Hàng chờ</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="193" />
        <location filename="../../ui/queue/panel.py" line="180" />
        <source>Chưa có số nào đang được phục vụ tại quầy.</source>
        <translation>No number is being served at this counter.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="185" />
        <source>Không có số nào đang tạm dừng.</source>
        <translation>No number is on hold.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="210" />
        <source>Đang chờ: {n}</source>
        <translation>Waiting: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="223" />
        <source>Không còn ai đang chờ.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="240" />
        <source>Số đang phục vụ: {n}</source>
        <translation>Now serving: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="241" />
        <source>Trạng thái: {s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="242" />
        <source>Chưa gọi số nào.</source>
        <translation>No number called yet.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="243" />
        <source>Đang kết nối điều phối hàng chờ</source>
        <translation>Connected to the queue server</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="243" />
        <source>Mất kết nối: làm việc ngoại tuyến</source>
        <translation>Connection lost: working offline</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="247" />
        <source>Đang tạm dừng: {numbers}</source>
        <translation>On hold: {numbers}</translation>
    </message>
</context><context>
    <name>ReceivedModel</name>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="63" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier component</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="63" />
        <source>Yêu cầu</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="63" />
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="63" />
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="64" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="64" />
        <source>Bản quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="79" />
        <source>{o} chính, {c} sao</source>
        <translation>{o} original(s), {c} copy(ies)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="86" />
        <source>{n} trang</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="91" />
        <source>Đủ</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="92" />
        <source>Thiếu (bắt buộc)</source>
        <translation>Missing (mandatory)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="92" />
        <source>Thiếu</source>
        <translation>Missing</translation>
    </message>
</context><context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/reception/wizard.py" line="87" />
        <source>← Quay lại (Esc)</source>
        <translation>← Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="89" />
        <source>Bắt đầu lại</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="142" />
        <source>1. Người nộp</source>
        <translation>1. Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="142" />
        <source>2. Thủ tục</source>
        <translation>2. Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="142" />
        <source>3. Thành phần</source>
        <translation>3. Components</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="142" />
        <source>4. Kết quả</source>
        <translation>4. Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="143" />
        <source>5. Hoàn tất</source>
        <translation>5. Done</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="158" />
        <source>Chủ hồ sơ: {name} · Số định danh {id}</source>
        <translation>Applicant: {name} · ID number {id}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="161" />
        <source> · đã đọc chip</source>
        <translation> · chip read</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="209" />
        <source>Cần số định danh để đọc chip: nhập 12 chữ số (hoặc quét mã QR trên thẻ) rồi Enter.</source>
        <translation>The ID number is needed to read the chip: type the 12 digits (or scan the QR code on the card), then Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="218" />
        <source>Đang đọc chip: {file} {percent}%</source>
        <translation>Reading the chip: {file} {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="221" />
        <source>Đang đọc chip…</source>
        <translation>Reading the chip…</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="231" />
        <source>Thẻ đã đặt lên đầu đọc: nhập số định danh rồi Enter để đọc chip.</source>
        <translation>A card is on the reader: type the ID number, then Enter to read the chip.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="296" />
        <source>Nếu tiếp nhận lúc này, hẹn trả: {when}</source>
        <translation>If received now, due: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="300" />
        <source>Phí, lệ phí: {amount}</source>
        <translation>Fees: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="324" />
        <source>Từ chối tiếp nhận cần lãnh đạo phê duyệt; hồ sơ chưa được ghi.</source>
        <translation>Refusing needs a supervisor's approval; the dossier was not recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="355" />
        <source>Chưa kết nối máy in: phiếu chưa được in.</source>
        <translation>No printer connected: the slip was not printed.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="357" />
        <source>Đang in phiếu…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="363" />
        <source>Chưa in được phiếu: {reason}</source>
        <translation>The slip could not be printed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="374" />
        <source>In lại giấy tiếp nhận</source>
        <translation>Reprint the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="374" />
        <source>Lý do in lại giấy tiếp nhận (ví dụ: in hỏng, kẹt giấy):</source>
        <translation>Reason for reprinting the receipt (e.g. a misprint, a paper jam):</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="392" />
        <source>In lại giấy tiếp nhận cần ghi lý do (ví dụ: in hỏng, kẹt giấy).</source>
        <translation>Reprinting the receipt needs a reason (e.g. a misprint, a paper jam).</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="396" />
        <source>Giấy tiếp nhận của hồ sơ {code}</source>
        <translation>Receipt of dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="401" />
        <source>Đang in lại phiếu…</source>
        <translation>Reprinting the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="410" />
        <source>Đã gửi phiếu tới máy in {printer}.</source>
        <translation>The slip was sent to printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="413" />
        <source>Chưa có máy in: đã lưu phiếu thành tệp PDF {path}.</source>
        <translation>No printer: the slip was saved as the PDF file {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="472" />
        <source>Đang quét: chờ quét xong hoặc bấm Hủy quét (Esc) trước.</source>
        <translation>Scanning: wait until it finishes, or press Cancel scan (Esc) first.</translation>
    </message>
</context><context>
    <name>ReturnDevices</name>
    <message>
        <location filename="../../ui/returns_devices.py" line="52" />
        <source>Đang đọc chip…</source>
        <translation>Reading the chip…</translation>
    </message>
    <message>
        <location filename="../../ui/returns_devices.py" line="54" />
        <source>Đang đọc chip: {file}</source>
        <translation>Reading the chip: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/returns_devices.py" line="72" />
        <source>Không mở được chip bằng số định danh của chủ hồ sơ: thẻ trên đầu đọc có thể không phải của chủ hồ sơ. Người nhận thay cần văn bản ủy quyền.</source>
        <translation>The chip could not be opened with the dossier owner's ID number: the card on the reader may not be the owner's. Someone collecting on the owner's behalf needs a letter of authorisation.</translation>
    </message>
    <message>
        <location filename="../../ui/returns_devices.py" line="110" />
        <location filename="../../ui/returns_devices.py" line="109" />
        <source>Đang quét văn bản ủy quyền…</source>
        <translation>Scanning the authorisation letter…</translation>
    </message>
    <message>
        <location filename="../../ui/returns_devices.py" line="115" />
        <source>Đang quét trang {n}…</source>
        <translation>Scanning page {n}…</translation>
    </message>
    <message>
        <location filename="../../ui/returns_devices.py" line="133" />
        <source>Máy quét không trả về trang nào: đặt văn bản rồi quét lại.</source>
        <translation>The scanner returned no page: place the document and scan again.</translation>
    </message>
</context><context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/returns.py" line="66" />
        <source>Trả kết quả</source>
        <translation>Return of results</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="70" />
        <source>Quét mã vạch trên giấy tiếp nhận, hoặc nhập mã hồ sơ</source>
        <translation>Scan the barcode on the receipt, or type the dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="71" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="80" />
        <source>Quét mã QR trên thẻ của người nhận, hoặc nhập số định danh</source>
        <translation>Scan the QR code on the receiver's card, or type the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="81" />
        <source>Chủ hồ sơ nhận (Enter)</source>
        <translation>The applicant receives (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="84" />
        <source>Quét văn bản ủy quyền</source>
        <translation>Scan the authorisation letter</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="85" />
        <source>Chọn tệp văn bản ủy quyền…</source>
        <translation>Choose the authorisation letter file…</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="305" />
        <location filename="../../ui/returns.py" line="223" />
        <location filename="../../ui/returns.py" line="86" />
        <source>Chưa có văn bản ủy quyền.</source>
        <translation>No authorisation letter yet.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="95" />
        <source>Người được ủy quyền nhận</source>
        <translation>An authorised person receives</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="97" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="99" />
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="100" />
        <source>Số định danh người nhận</source>
        <translation>Receiver's ID number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="101" />
        <source>Văn bản ủy quyền</source>
        <translation>Authorisation letter</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="115" />
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="116" />
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="117" />
        <source>Quét mã QR</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="125" />
        <location filename="../../ui/returns.py" line="120" />
        <source>Số biên lai</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="121" />
        <source>Thu phí</source>
        <translation>Collect fee</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="124" />
        <source>Hình thức nộp</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="132" />
        <source>Mời công dân đánh giá:</source>
        <translation>Please rate our service:</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="147" />
        <source>Xác nhận đã trả kết quả (Enter)</source>
        <translation>Confirm the result was handed over (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="150" />
        <source>Hồ sơ tiếp theo</source>
        <translation>Next dossier</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="189" />
        <source>Hồ sơ {code} · {name} · {id}</source>
        <translation>Dossier {code} · {name} · {id}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="198" />
        <source>Còn phải nộp phí, lệ phí: {amount}</source>
        <translation>Fees still owed: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="206" />
        <source>Trả kết quả cho: {name}</source>
        <translation>Hand the result to: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="272" />
        <source>Chọn tệp văn bản ủy quyền</source>
        <translation>Choose the authorisation letter file</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="273" />
        <source>Tệp quét (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scanned files (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="281" />
        <source>Không đọc được tệp {name}.</source>
        <translation>The file {name} could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="298" />
        <source>Đã lưu văn bản ủy quyền vào hồ sơ ({pages} trang).</source>
        <translation>Authorisation letter saved to the dossier ({pages} page(s)).</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="319" />
        <source>Đã trả kết quả hồ sơ {code}.</source>
        <translation>The result of dossier {code} was handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="327" />
        <source>Chưa kết nối máy in: phiếu trả kết quả chưa được in.</source>
        <translation>No printer connected: the handover slip was not printed.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="330" />
        <source>Đang in phiếu trả kết quả…</source>
        <translation>Printing the handover slip…</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="334" />
        <source>Chưa in được phiếu trả kết quả: {error}</source>
        <translation>The handover slip could not be printed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="340" />
        <source>Đã gửi phiếu trả kết quả tới máy in {printer}.</source>
        <translation>The handover slip was sent to printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="344" />
        <source>Chưa có máy in: đã lưu phiếu trả kết quả thành tệp PDF {path}.</source>
        <translation>No printer: the handover slip was saved as the PDF file {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="384" />
        <source>Cảm ơn công dân đã đánh giá.</source>
        <translation>Thank you for your rating.</translation>
    </message>
</context><context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="166" />
        <source>5. Kiểm tra lại và lưu</source>
        <translation>5. Review and save</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="167" />
        <source>Bấm “Hoàn tất” để lưu cấu hình; sau đó màn hình đăng nhập mở ra.</source>
        <translation>Press “Finish” to save the settings; the sign-in window opens next.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="177" />
        <source>Máy chủ: {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="177" />
        <source>(ngoại tuyến)</source>
        <translation>(offline)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="178" />
        <source>Cơ quan: {code} — {name}</source>
        <translation>Agency: {code} — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="179" />
        <source>Quầy: {code} — {name}</source>
        <translation>Counter: {code} — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="180" />
        <source>Cán bộ: {name} ({user})</source>
        <translation>Officer: {name} ({user})</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/pages.py" line="186" />
        <source>Chưa kiểm tra thiết bị nào (có thể kiểm tra sau ở trang Chẩn đoán, F12).</source>
        <translation>No device tested (you can test them later on the Diagnostics page, F12).</translation>
    </message>
</context><context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/online/review.py" line="45" />
        <source>Tệp đính kèm</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="45" />
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="46" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier component</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="46" />
        <source>Kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="58" />
        <source>Tệp đạt</source>
        <translation>Accept file</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="59" />
        <source>Tệp không đạt</source>
        <translation>Reject file</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="62" />
        <source>Lý do tệp không đạt (ghi vào hồ sơ)</source>
        <translation>Reason the file is not acceptable (recorded in the dossier)</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="122" />
        <location filename="../../ui/online/review.py" line="65" />
        <source>Chọn một tệp để xem trước.</source>
        <translation>Choose a file to preview.</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="77" />
        <source>Lý do / giấy tờ cần bổ sung (bắt buộc khi từ chối)</source>
        <translation>Reason / documents to supplement (required to refuse)</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="78" />
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="80" />
        <source>Yêu cầu bổ sung</source>
        <translation>Request a supplement</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="81" />
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="98" />
        <source>Thành phần hồ sơ theo thủ tục</source>
        <translation>Dossier components of the procedure</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="128" />
        <source>Chọn một hồ sơ trong danh sách bên trái.</source>
        <translation>Choose a dossier in the list on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="133" />
        <source>{procedure} — {name} ({id_number})</source>
        <translation>{procedure} — {name} ({id_number})</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="141" />
        <source>— chọn thành phần —</source>
        <translation>— choose a component —</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="157" />
        <source>Tệp hỏng</source>
        <translation>Corrupt file</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="159" />
        <source>Chưa kiểm tra</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="159" />
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="161" />
        <source>Đạt</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="161" />
        <source>Không đạt: {reason}</source>
        <translation>Not acceptable: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="167" />
        <source> (bắt buộc)</source>
        <translation> (mandatory)</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="168" />
        <source>không có tệp</source>
        <translation>no file</translation>
    </message>
    <message>
        <location filename="../../ui/online/review.py" line="176" />
        <source>Không xem trước được loại tệp này; mở bằng phần mềm khác để kiểm tra.</source>
        <translation>This file type cannot be previewed; open it in another program to check it.</translation>
    </message>
</context><context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard/worker.py" line="38" />
        <source>Thao tác chưa thực hiện được do lỗi không mong đợi. Hãy thử lại.</source>
        <translation>The operation failed because of an unexpected error. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="77" />
        <source>Cài đặt quầy lần đầu — Quầy Một cửa</source>
        <translation>First-time counter setup — One-Stop Counter</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="80" />
        <source>Tiếp (Enter)</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="81" />
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="82" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard/wizard.py" line="83" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context><context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="38" />
        <source>Đổi cán bộ</source>
        <translation>Switch officer</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="38" />
        <source>Đăng nhập — Quầy Một cửa</source>
        <translation>Sign in — One-stop counter</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="39" />
        <source>Đổi cán bộ tại quầy</source>
        <translation>Switch officer at this counter</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="39" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="49" />
        <location filename="../../ui/signin.py" line="44" />
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="50" />
        <location filename="../../ui/signin.py" line="47" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="60" />
        <source>Đăng nhập (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="63" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="63" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="84" />
        <source>Đăng nhập trực tuyến với hệ thống của thành phố; khi mất mạng, đăng nhập ngoại tuyến bằng thông tin đã lưu trên máy này.</source>
        <translation>Sign in online with the city system; without a network, sign in offline with the details saved on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="86" />
        <source>Chưa cấu hình máy chủ: đăng nhập ngoại tuyến bằng thông tin đã lưu trên máy này.</source>
        <translation>No server configured: sign in offline with the details saved on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="93" />
        <source>Nhập tên đăng nhập.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="111" />
        <source>Tiếp tục (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
</context><context>
    <name>StopDialog</name>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="59" />
        <source>Dừng giải quyết hồ sơ</source>
        <translation>Stop processing a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="61" />
        <source>Mã hồ sơ dừng giải quyết</source>
        <translation>Code of the dossier to stop</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="63" />
        <source>Lý do dừng giải quyết</source>
        <translation>Reason for stopping</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="65" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="66" />
        <source>Lý do dừng</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialogs.py" line="67" />
        <source>Lý do được in trên Thông báo dừng giải quyết hồ sơ gửi công dân.</source>
        <translation>The reason is printed on the stop-processing notice sent to the citizen.</translation>
    </message>
</context><context>
    <name>UpdateBanner</name>
    <message>
        <location filename="../../ui/update_notice.py" line="25" />
        <source>Đã hiểu</source>
        <translation>OK</translation>
    </message>
</context></TS>
