<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="114" />
        <source>Ứng dụng gặp lỗi không mong đợi. Thao tác vừa rồi có thể chưa được lưu; hãy kiểm tra lại. Báo cáo lỗi đã được lưu ({name}) để gửi bộ phận hỗ trợ.</source>
        <translation>The application hit an unexpected error. What you just did may not have been saved; please check. An error report was saved ({name}) for the help desk.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="163" />
        <source>Quầy Một cửa — lỗi</source>
        <translation>One-Stop Counter — error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="165" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="170" />
        <source>Đã xảy ra lỗi không mong đợi. Thao tác vừa rồi có thể chưa hoàn tất; hãy thử lại, và báo bộ phận hỗ trợ nếu lỗi lặp lại.</source>
        <translation>An unexpected error occurred. The last action may not have completed; try again, and tell the support team if it happens again.</translation>
    </message>
</context><context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval.py" line="29" />
        <source>Phê duyệt của lãnh đạo</source>
        <translation>Supervisor's approval</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="30" />
        <source>Cần lãnh đạo phê duyệt: {action}</source>
        <translation>Needs a supervisor's approval: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="33" />
        <source>Hồ sơ {code} — cán bộ đề nghị: {officer}</source>
        <translation>Dossier {code} — requested by: {officer}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="36" />
        <source>Lý do: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="40" />
        <source>Tên đăng nhập của lãnh đạo</source>
        <translation>Supervisor's username</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="43" />
        <source>Mật khẩu của lãnh đạo</source>
        <translation>Supervisor's password</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="45" />
        <source>Lãnh đạo</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="46" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="47" />
        <source>Lãnh đạo tự nhập mật khẩu của mình tại quầy. Không ai tự phê duyệt thao tác của chính mình.</source>
        <translation>The supervisor types their own password at the counter. Nobody approves their own action.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="57" />
        <source>Phê duyệt (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="59" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="78" />
        <source>Nhập tên đăng nhập của lãnh đạo phê duyệt.</source>
        <translation>Enter the approving supervisor's username.</translation>
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
    <name>ChecklistStep</name>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="132" />
        <source>Đủ tất cả thành phần (Ctrl+Enter)</source>
        <translation>All components complete (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="135" />
        <source>Tiếp tục với số đã nhập</source>
        <translation>Continue with these counts</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="153" />
        <source>Thành phần hồ sơ — {name}</source>
        <translation>Dossier components — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="177" />
        <source>Đủ các thành phần bắt buộc.</source>
        <translation>All mandatory components are complete.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="178" />
        <source>Còn thiếu {n} thành phần bắt buộc.</source>
        <translation>{n} mandatory component(s) still missing.</translation>
    </message>
</context><context>
    <name>CountTile</name>
    <message>
        <location filename="../../ui/dashboard.py" line="40" />
        <source>{caption}: {value}</source>
        <translation>{caption}: {value}</translation>
    </message>
</context><context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="57" />
        <location filename="../../ui/widgets/counter_status.py" line="29" />
        <source>Ngoại tuyến — chưa cấu hình máy chủ đồng bộ</source>
        <translation>Offline — no sync server configured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="47" />
        <source>Cán bộ: {name} ({role})</source>
        <translation>Officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="50" />
        <source>{counter} ({code})</source>
        <translation>{counter} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="52" />
        <source>Mã cơ quan: {code}</source>
        <translation>Agency code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="59" />
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="61" />
        <source>Ngoại tuyến từ {at}</source>
        <translation>Offline since {at}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="63" />
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synchronised yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/counter_status.py" line="66" />
        <source> · {n} mục chờ gửi</source>
        <translation> · {n} items waiting</translation>
    </message>
</context><context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="57" />
        <source>Tiếp nhận hôm nay</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58" />
        <source>Đã trả kết quả hôm nay</source>
        <translation>Results returned today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="59" />
        <source>Đến hạn trả hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="60" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="61" />
        <source>Chờ bổ sung giấy tờ</source>
        <translation>Waiting for documents</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="62" />
        <source>Tôi tiếp nhận hôm nay</source>
        <translation>Received by me today</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="84" />
        <source>Tình hình ngày {day}</source>
        <translation>Situation on {day}</translation>
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
        <location filename="../../ui/widgets/device_status.py" line="80" />
        <source>Phần mềm cho thiết bị này chưa được cài vào ứng dụng. Có thể tiếp tục làm việc bằng cách nhập tay.</source>
        <translation>Support for this device is not installed in the application yet. You can keep working by typing.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="121" />
        <source>Đầu đọc thẻ</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="122" />
        <source>Thẻ</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="123" />
        <source>Máy quét mã</source>
        <translation>Barcode scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="124" />
        <source>Mã vạch</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="125" />
        <source>Máy quét tài liệu</source>
        <translation>Document scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="126" />
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="127" />
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
</context><context>
    <name>DoneStep</name>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="99" />
        <source>Người tiếp theo (Enter)</source>
        <translation>Next citizen (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="114" />
        <source>Đã tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="115" />
        <source>Đã ghi yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement request recorded</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="116" />
        <source>Đã ghi từ chối tiếp nhận</source>
        <translation>Refusal recorded</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="118" />
        <source>Mã hồ sơ: {code}</source>
        <translation>Dossier code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="119" />
        <source>Hẹn trả kết quả: {when}</source>
        <translation>Result due: {when}</translation>
    </message>
</context><context>
    <name>DossierDetailPanel</name>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="42" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="42" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="43" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="43" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="44" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="44" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="45" />
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="45" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="60" />
        <source>Chọn một hồ sơ trong danh sách để xem chi tiết.</source>
        <translation>Choose a dossier in the list to see its details.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="69" />
        <source>Thành phần đã nhận</source>
        <translation>Components received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="70" />
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="75" />
        <source>Chuyển trạng thái</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="98" />
        <source> — QUÁ HẠN</source>
        <translation> — OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="109" />
        <source>{name}: {o} chính, {c} sao</source>
        <translation>{name}: {o} original(s), {c} copy(ies)</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/detail.py" line="122" />
        <source>Chuyển hồ sơ sang “{status}”</source>
        <translation>Move the dossier to “{status}”</translation>
    </message>
</context><context>
    <name>DossierResultModel</name>
    <message>
        <location filename="../../ui/dossiers/results.py" line="43" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="43" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="43" />
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="43" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/results.py" line="44" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
</context><context>
    <name>DossierSearchPage</name>
    <message>
        <location filename="../../ui/dossiers/page.py" line="40" />
        <source>Mã hồ sơ, họ tên, số định danh hoặc số điện thoại</source>
        <translation>Dossier code, name, ID number or phone number</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="42" />
        <source>Tìm hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="44" />
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="48" />
        <source>Mọi ngày</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="48" />
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="48" />
        <source>7 ngày qua</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="48" />
        <source>30 ngày qua</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="120" />
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="120" />
        <source>Không có hồ sơ nào.</source>
        <translation>No dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="146" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="146" />
        <source>Lý do chuyển sang “{status}”:</source>
        <translation>Reason for moving to “{status}”:</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers/page.py" line="157" />
        <source>Cần ghi lý do khi chuyển hồ sơ sang “{status}”.</source>
        <translation>A reason is needed to move the dossier to “{status}”.</translation>
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
    <name>IdentifyStep</name>
    <message>
        <location filename="../../ui/reception/identity.py" line="75" />
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="77" />
        <source>Đặt thẻ căn cước lên đầu đọc, quét mã QR trên thẻ, hoặc nhập tay.</source>
        <translation>Place the ID card on the reader, scan the QR code on the card, or type.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="83" />
        <source>Quét mã QR trên thẻ căn cước vào đây</source>
        <translation>Scan the QR code of the ID card here</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="84" />
        <source>Mã QR trên thẻ</source>
        <translation>Card QR code</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="87" />
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="90" />
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="92" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="92" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="96" />
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="100" />
        <source>Mã &amp;QR trên thẻ</source>
        <translation>Card &amp;QR code</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="102" />
        <source>Số định &amp;danh cá nhân</source>
        <translation>Personal &amp;ID number</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="103" />
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="104" />
        <source>Ngày &amp;sinh</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="105" />
        <source>&amp;Giới tính</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="107" />
        <source>Số điện &amp;thoại</source>
        <translation>&amp;Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/reception/identity.py" line="116" />
        <source>Tiếp tục (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
</context><context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/lock.py" line="61" />
        <source>Màn hình đã khóa do không thao tác. Nhập mật khẩu để tiếp tục.</source>
        <translation>The screen locked after inactivity. Enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="67" />
        <location filename="../../ui/lock.py" line="66" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="72" />
        <source>Mở khóa (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="74" />
        <source>Đổi cán bộ</source>
        <translation>Switch officer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="97" />
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <source>Bộ phận Tiếp nhận và Trả kết quả</source>
        <translation>Reception and Results Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>Tiếp nhận (F2)</source>
        <translation>Reception (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>Trả kết quả (F3)</source>
        <translation>Return results (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>Tra cứu hồ sơ (F4)</source>
        <translation>Dossiers (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>Tổng quan (F5)</source>
        <translation>Dashboard (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>Thủ tục (F6)</source>
        <translation>Procedures (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>Đổi &amp;cán bộ</source>
        <translation>S&amp;witch officer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>&amp;Khóa màn hình</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281" />
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282" />
        <source>&amp;Tìm thủ tục</source>
        <translation>&amp;Find procedure</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284" />
        <source>Tiếp &amp;nhận hồ sơ</source>
        <translation>&amp;Receive a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286" />
        <source>T&amp;rả kết quả</source>
        <translation>Return res&amp;ults</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>Tra cứu &amp;hồ sơ</source>
        <translation>Find &amp;dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290" />
        <source>Tổng &amp;quan</source>
        <translation>Dash&amp;board</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Chữ &amp;lớn hơn</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296" />
        <source>Chữ &amp;nhỏ hơn</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297" />
        <source>Cỡ chữ &amp;mặc định</source>
        <translation>&amp;Default text size</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>Quầy Một cửa {version}

Ứng dụng tại quầy của Bộ phận Tiếp nhận và Trả kết quả.
Màu sắc và nhận diện trong bản này chưa phải bản chính thức.</source>
        <translation>One-Stop Counter {version}

The counter application of the Reception and Results Desk.
The colours and identity in this version are not yet official.</translation>
    </message>
</context><context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/ops.py" line="38" />
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
        <location filename="../../ui/reception/outcome_step.py" line="74" />
        <source>Hồ sơ chưa đủ: chưa có ngày hẹn trả.</source>
        <translation>The dossier is incomplete: no appointment yet.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/outcome_step.py" line="76" />
        <source>Còn thiếu: {names}</source>
        <translation>Missing: {names}</translation>
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
</context><context>
    <name>ReceivedModel</name>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="48" />
        <source>Thành phần hồ sơ</source>
        <translation>Dossier component</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="48" />
        <source>Yêu cầu</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="48" />
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="48" />
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="49" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="64" />
        <source>{o} chính, {c} sao</source>
        <translation>{o} original(s), {c} copy(ies)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="71" />
        <source>Đủ</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="72" />
        <source>Thiếu (bắt buộc)</source>
        <translation>Missing (mandatory)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/checklist_step.py" line="72" />
        <source>Thiếu</source>
        <translation>Missing</translation>
    </message>
</context><context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/reception/wizard.py" line="73" />
        <source>← Quay lại (Esc)</source>
        <translation>← Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="75" />
        <source>Bắt đầu lại</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="104" />
        <source>Thủ tục gần đây:</source>
        <translation>Recent procedures:</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="127" />
        <source>1. Người nộp</source>
        <translation>1. Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="127" />
        <source>2. Thủ tục</source>
        <translation>2. Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="127" />
        <source>3. Thành phần</source>
        <translation>3. Components</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="127" />
        <source>4. Kết quả</source>
        <translation>4. Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="128" />
        <source>5. Hoàn tất</source>
        <translation>5. Done</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="143" />
        <source>Chủ hồ sơ: {name} · Số định danh {id}</source>
        <translation>Applicant: {name} · ID number {id}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="146" />
        <source> · đã đọc chip</source>
        <translation> · chip read</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="162" />
        <source>Alt+{n}: {name}</source>
        <translation>Alt+{n}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="188" />
        <source>Cần số định danh để đọc chip: nhập 12 chữ số (hoặc quét mã QR trên thẻ) rồi Enter.</source>
        <translation>The ID number is needed to read the chip: type the 12 digits (or scan the QR code on the card), then Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="199" />
        <source>Thẻ đã đặt lên đầu đọc: nhập số định danh rồi Enter để đọc chip.</source>
        <translation>A card is on the reader: type the ID number, then Enter to read the chip.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="254" />
        <source>Nếu tiếp nhận lúc này, hẹn trả: {when}</source>
        <translation>If received now, due: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="292" />
        <source>Chưa kết nối máy in: phiếu chưa được in.</source>
        <translation>No printer connected: the slip was not printed.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="294" />
        <source>Đang in phiếu…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="299" />
        <source>Chưa in được phiếu: {reason}</source>
        <translation>The slip could not be printed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="305" />
        <source>Đã gửi phiếu tới máy in {printer}.</source>
        <translation>The slip was sent to printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/reception/wizard.py" line="308" />
        <source>Chưa có máy in: đã lưu phiếu thành tệp PDF {path}.</source>
        <translation>No printer: the slip was saved as the PDF file {path}.</translation>
    </message>
</context><context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/returns.py" line="42" />
        <source>Trả kết quả</source>
        <translation>Return of results</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="46" />
        <source>Quét mã vạch trên giấy tiếp nhận, hoặc nhập mã hồ sơ</source>
        <translation>Scan the barcode on the receipt, or type the dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="47" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="56" />
        <source>Quét mã QR trên thẻ của người nhận, hoặc nhập số định danh</source>
        <translation>Scan the QR code on the receiver's card, or type the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="57" />
        <source>Chủ hồ sơ nhận (Enter)</source>
        <translation>The applicant receives (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="60" />
        <source>Văn bản ủy quyền đã được quét và đính kèm hồ sơ</source>
        <translation>The written authorisation is scanned and attached to the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="61" />
        <source>Người được ủy quyền nhận</source>
        <translation>An authorised person receives</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="63" />
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="65" />
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="66" />
        <source>Số định danh người nhận</source>
        <translation>Receiver's ID number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="76" />
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="77" />
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="78" />
        <source>Quét mã QR</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="86" />
        <location filename="../../ui/returns.py" line="81" />
        <source>Số biên lai</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="82" />
        <source>Thu phí</source>
        <translation>Collect fee</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="85" />
        <source>Hình thức nộp</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="93" />
        <source>Mời công dân đánh giá:</source>
        <translation>Please rate our service:</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="105" />
        <source>Xác nhận đã trả kết quả (Enter)</source>
        <translation>Confirm the result was handed over (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="108" />
        <source>Hồ sơ tiếp theo</source>
        <translation>Next dossier</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="144" />
        <source>Hồ sơ {code} · {name} · {id}</source>
        <translation>Dossier {code} · {name} · {id}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="153" />
        <source>Còn phải nộp phí, lệ phí: {amount}</source>
        <translation>Fees still owed: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="157" />
        <source>Trả kết quả cho: {name}</source>
        <translation>Hand the result to: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="227" />
        <source>Đã trả kết quả hồ sơ {code}.</source>
        <translation>The result of dossier {code} was handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/returns.py" line="267" />
        <source>Cảm ơn công dân đã đánh giá.</source>
        <translation>Thank you for your rating.</translation>
    </message>
</context><context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="33" />
        <source>Đổi cán bộ</source>
        <translation>Switch officer</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="33" />
        <source>Đăng nhập — Quầy Một cửa</source>
        <translation>Sign in — One-stop counter</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="34" />
        <source>Đổi cán bộ tại quầy</source>
        <translation>Switch officer at this counter</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="34" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="44" />
        <location filename="../../ui/signin.py" line="39" />
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="45" />
        <location filename="../../ui/signin.py" line="42" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="55" />
        <source>Đăng nhập (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="58" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="58" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="79" />
        <source>Đăng nhập ngoại tuyến bằng thông tin đã lưu trên máy này. Đăng nhập trực tuyến với máy chủ chưa được hỗ trợ trong phiên bản này.</source>
        <translation>Offline sign-in with the credentials saved on this computer. Online sign-in with the server is not supported in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="81" />
        <source>Chưa cấu hình máy chủ: đăng nhập ngoại tuyến bằng thông tin đã lưu trên máy này (đăng nhập trực tuyến chưa được hỗ trợ).</source>
        <translation>No server configured: offline sign-in with the credentials saved on this computer (online sign-in is not supported yet).</translation>
    </message>
    <message>
        <location filename="../../ui/signin.py" line="86" />
        <source>Nhập tên đăng nhập.</source>
        <translation>Enter your username.</translation>
    </message>
</context></TS>
