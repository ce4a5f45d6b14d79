<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ActiveLearning</name>
    <message>
        <location filename="../../annotator/ui/workspace/active_learning.py" line="+126"/>
        <source>Every document is done</source>
        <translation>أُنجزت المستندات كلها</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Most &amp;Useful First (Active Learning)</source>
        <translation>الأ&amp;نفع أولًا (التعلّم النشط)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next Most &amp;Useful Document</source>
        <translation>المستند الأ&amp;نفع التالي</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Train the recommenders first (Recommenders panel)</source>
        <translation>درِّب المقترِحات أولًا (لوحة المقترِحات)</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <location filename="../../annotator/ui/review/adjudication_window.py" line="+62"/>
        <source>Adjudication</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>قرّره</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Document:</source>
        <translation>المستند:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare:</source>
        <translation>قارن:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next Disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+186"/>
        <source>Accept All Agreed</source>
        <translation>قبول كل المتفق عليه</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Mark Selection…</source>
        <translation>توسيم التحديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relabel Gold Span…</source>
        <translation>إعادة توسيم المقطع المرجعي…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Gold Item</source>
        <translation>إزالة العنصر المرجعي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark Document Adjudicated</source>
        <translation>تعليم المستند كمُحكَّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Gold…</source>
        <translation>تصدير المرجع…</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 on the document: %2</source>
        <translation>%1 عن الوثيقة: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>unsure</source>
        <translation>غير متأكد</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>disagreement %1 of %2</source>
        <translation>الخلاف %1 من %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>لا خلافات</numerusform>
            <numerusform>خلاف واحد</numerusform>
            <numerusform>خلافان</numerusform>
            <numerusform>%n خلافات</numerusform>
            <numerusform>%n خلافًا</numerusform>
            <numerusform>%n خلاف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — adjudicated</source>
        <translation> — مُحكَّم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Accept %1&apos;s %2</source>
        <translation>قبول %2 من %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Mark Selection</source>
        <translation>توسيم التحديد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark %1</source>
        <translation>توسيم بـ %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Relabel Gold Span</source>
        <translation>إعادة توسيم المقطع المرجعي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relabel</source>
        <translation>إعادة التوسيم</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove Gold Span</source>
        <translation>إزالة المقطع المرجعي</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Gold Event</source>
        <translation>إزالة الحدث المرجعي</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export Gold</source>
        <translation>تصدير المرجع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>أسطر JSON (*.jsonl)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Label:</source>
        <translation>التسمية:</translation>
    </message>
</context>
<context>
    <name>AgreementDocumentsModel</name>
    <message>
        <location filename="../../annotator/ui/review/agreement_documents.py" line="+25"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Span F1 (exact, mean)</source>
        <translation>F1 للمقاطع (تطابق تام، متوسط)</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <location filename="../../annotator/ui/review/agreement_window.py" line="+47"/>
        <source>Span F1 (exact)</source>
        <translation>F1 للمقاطع (تطابق تام)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Span F1 (overlap)</source>
        <translation>F1 للمقاطع (تداخل)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohen&apos;s kappa (tokens)</source>
        <translation>كابا كوهين (على الوحدات)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alpha-u (characters)</source>
        <translation>ألفا التقطيع (على الأحرف)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger F1</source>
        <translation>F1 للكلمات المحفِّزة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Argument F1</source>
        <translation>F1 للمشاركين</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion</source>
        <translation>مصفوفة الالتباس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>السرعة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export HTML…</source>
        <translation>تصدير HTML…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotators:</source>
        <translation>الموسِّمون:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pair figure:</source>
        <translation>مقياس الأزواج:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check at least two annotators.</source>
        <translation>اختر موسِّمَين على الأقل.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 documents compared. Fleiss&apos; kappa %2, Krippendorff&apos;s alpha %3, alpha-u %4 (see README: How agreement is computed).</source>
        <translation>قورن %1 من المستندات. كابا فلايس %2، وألفا كريبندورف %3، وألفا التقطيع %4؛ انظر قسم «How agreement is computed» في ملف README.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1 exact</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1 overlap</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alpha-u</source>
        <translation>ألفا التقطيع</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rows: first annotator of each pair; columns: second.</source>
        <translation>الصفوف: الموسِّم الأول من كل زوج؛ الأعمدة: الثاني.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export Report</source>
        <translation>تصدير التقرير</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Agreement — %1</source>
        <translation>الاتفاق — %1</translation>
    </message>
</context>
<context>
    <name>AnnotationList</name>
    <message>
        <location filename="../../annotator/ui/workspace/annotation_list.py" line="+26"/>
        <source>All annotations</source>
        <translation>كل التوسيمات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a note or flag</source>
        <translation>ذات ملاحظة أو علامة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsure only</source>
        <translation>غير المؤكدة فقط</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location line="+13"/>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>unsure</source>
        <translation>غير متأكد</translation>
    </message>
</context>
<context>
    <name>AnnotatorChoice</name>
    <message>
        <location filename="../../annotator/ui/review/annotator_choice.py" line="+21"/>
        <source>The annotators compared in this document</source>
        <translation>المُعلِّمون الذين يُقارَن عملهم في هذه الوثيقة</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../annotator/ui/review/assign_dialog.py" line="+63"/>
        <source>Assign Documents</source>
        <translation>إسناد المستندات</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Assign</source>
        <translation>إ&amp;سناد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New annotator&apos;s name</source>
        <translation>اسم موسِّم جديد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;dd</source>
        <translation>إ&amp;ضافة</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Every document to every annotator</source>
        <translation>&amp;كل مستند إلى كل موسِّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit the documents; annotate a share twice:</source>
        <translation>&amp;توزيع المستندات، مع توسيم نسبة منها مرتين:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents annotated by two annotators, for agreement</source>
        <translation>مستندات يوسِّمها موسِّمان، لقياس الاتفاق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seed gives the same assignment</source>
        <translation>البذرة نفسها تعطي الإسناد نفسه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw these annotators&apos; earlier assignments</source>
        <translation>سحب ما أُسند إلى هؤلاء الموسِّمين من &amp;قبل</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Seed:</source>
        <translation>ال&amp;بذرة:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This assignment</source>
        <translation>هذا الإسناد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents assigned to each annotator now, by this assignment, and after it</source>
        <translation>المستندات المسندة إلى كل موسِّم الآن، وبهذا الإسناد، وبعده</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Documents in the project: %1 · annotated twice for agreement: %2</source>
        <translation>مستندات المشروع: %1 · الموسَّمة مرتين لقياس الاتفاق: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose at least one annotator.</source>
        <translation>اختر موسِّمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 holds a model&apos;s or the gold annotations: only people can be assigned.</source>
        <translation>%1 يحمل توسيمات نموذج آلي أو التوسيم المرجعي: لا تُسند المستندات إلا إلى أشخاص.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotating a share twice needs two or more annotators.</source>
        <translation>توسيم نسبة من المستندات مرتين يحتاج إلى موسِّمَين أو أكثر.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The project has no documents to assign.</source>
        <translation>لا توجد في المشروع مستندات لإسنادها.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../annotator/ui/background.py" line="+63"/>
        <source>Another long task is still running.</source>
        <translation>مهمة طويلة أخرى ما زالت قيد التشغيل.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>CorpusMatches</name>
    <message>
        <location filename="../../annotator/ui/workspace/label_all_corpus.py" line="+31"/>
        <source>Also in every other &amp;document</source>
        <translation>وفي كل &amp;وثيقة أخرى</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا مواضع</numerusform>
            <numerusform>موضع واحد</numerusform>
            <numerusform>موضعان</numerusform>
            <numerusform>%n مواضع</numerusform>
            <numerusform>%n موضعًا</numerusform>
            <numerusform>%n موضع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="+35"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done</source>
        <translation>غير المنجزة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>الجديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>المنجزة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>المتروكة</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Search titles and texts…</source>
        <translation>ابحث في العناوين والنصوص…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type at least 3 letters to search.</source>
        <translation>اكتب 3 أحرف على الأقل للبحث.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Assigned to &amp;me</source>
        <translation>المسندة إ&amp;ليّ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the documents assigned to you</source>
        <translation>اعرض المستندات المسندة إليك فقط</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Done %1 / %2 assigned</source>
        <translation>المنجز %1 / %2 من المسند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done %1 / %2</source>
        <translation>المنجز %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · skipped %1</source>
        <translation> · المتروك %1</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list_model.py" line="+29"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>متروك</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>الطول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>EffortTable</name>
    <message>
        <location filename="../../annotator/ui/review/effort_table.py" line="+42"/>
        <source>Active time (h:mm)</source>
        <translation>الوقت الفعلي (س:دد)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Corrected</source>
        <translation>مُصحَّحة</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Documents done</source>
        <translation>مستندات منجزة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents per hour</source>
        <translation>مستندات في الساعة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spans per hour</source>
        <translation>مقاطع في الساعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions accepted</source>
        <translation>اقتراحات مقبولة</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../annotator/ui/workspace/event_panel.py" line="+33"/>
        <source>Event / role</source>
        <translation>الحدث / الدور</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;Role…</source>
        <translation>تغيير ال&amp;دور…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected argument (in the Events panel)</source>
        <translation>إزالة الدور المحدد (في لوحة الأحداث)</translation>
    </message>
</context>
<context>
    <name>EventTypePicker</name>
    <message>
        <location filename="../../annotator/ui/workspace/event_picker.py" line="+43"/>
        <source>Event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type an event type (عربي or English)…</source>
        <translation>اكتب نوع الحدث بالعربية أو بالإنجليزية…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/ui/workspace/find_bar.py" line="+22"/>
        <source>Find (harakat and hamza ignored)…</source>
        <translation>بحث (دون اعتبار الحركات والهمزات)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>GuidelineView</name>
    <message>
        <location filename="../../annotator/ui/workspace/guideline.py" line="+19"/>
        <source>Select a label to read its guideline.</source>
        <translation>اختر تسمية لقراءة إرشاداتها.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(no guideline for this label)</source>
        <translation>(لا إرشادات لهذه التسمية)</translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="+45"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../../annotator/ui/import_export.py" line="+35"/>
        <source>Texts, JSONL, CoNLL (*.txt *.jsonl *.ndjson *.json *.conll *.bio *.iob);;All files (*)</source>
        <translation>النصوص وملفات JSONL وCoNLL (*.txt *.jsonl *.ndjson *.json *.conll *.bio *.iob);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Import Files…</source>
        <translation>ا&amp;ستيراد ملفات…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;Folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import Files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+58"/>
        <source>Open or create a project first.</source>
        <translation>افتح مشروعًا أو أنشئ مشروعًا جديدًا أولًا.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; nothing changed.</source>
        <translation>أُلغي الاستيراد؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export cancelled; nothing written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export to folder</source>
        <translation>تصدير إلى مجلد</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../annotator/ui/import_export_dialogs.py" line="+108"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n item(s) to review; see the details.</source>
        <translation>
            <numerusform>لا عناصر للمراجعة.</numerusform>
            <numerusform>عنصر واحد للمراجعة؛ انظر التفاصيل.</numerusform>
            <numerusform>عنصران للمراجعة؛ انظر التفاصيل.</numerusform>
            <numerusform>%n عناصر للمراجعة؛ انظر التفاصيل.</numerusform>
            <numerusform>%n عنصرًا للمراجعة؛ انظر التفاصيل.</numerusform>
            <numerusform>%n عنصر للمراجعة؛ انظر التفاصيل.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_export_dialogs.py" line="-80"/>
        <source>Detect (UTF-8, UTF-16, Windows-1256)</source>
        <translation>اكتشاف تلقائي (UTF-8، UTF-16، Windows-1256)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256 (عربي)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO-8859-6 (Arabic)</source>
        <translation>ISO-8859-6 (عربي)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>annotator JSONL (entities and events)</source>
        <translation>JSONL الخاص بـ annotator (الكيانات والأحداث)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spaCy / Prodigy JSONL (tokens and spans)</source>
        <translation>JSONL لـ spaCy / Prodigy (الوحدات والمقاطع)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hugging Face datasets (folder, token tags)</source>
        <translation>مجموعات بيانات Hugging Face (مجلد، وسوم الرموز)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events, one sentence per line (ACE05-E style)</source>
        <translation>الأحداث، جملة في كل سطر (بأسلوب ACE05-E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brat standoff (folder)</source>
        <translation>brat standoff (مجلد)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>as in the files, else %1</source>
        <translation>كما في الملفات، وإلا %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-annotations in the files are attributed to this annotator</source>
        <translation>تُنسب التوسيمات المسبقة الموجودة في الملفات إلى هذا الموسِّم</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predictions of a model</source>
        <translation>تنبؤات نموذج</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip invalid lines (and list them)</source>
        <translation>تخطّي الأسطر غير الصالحة (مع سردها)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Text encoding:</source>
        <translation>ترميز النص:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Training data: one finished version per document</source>
        <translation>بيانات التدريب: نسخة منجزة واحدة لكل مستند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything: every document and annotator</source>
        <translation>الكل: كل مستند وكل مُعلِّق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training data holds each document once: the gold where it exists, else the chosen annotator&apos;s finished work.</source>
        <translation>تحوي بيانات التدريب كل مستند مرة واحدة: النسخة المعتمدة إن وُجدت، وإلا العمل المنجز للمُعلِّق المختار.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none (e.g. %1)</source>
        <translation>بلا تقسيم (مثلًا %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Divide the documents into splits; each document keeps its split in every later export.</source>
        <translation>قسّم المستندات إلى أقسام؛ يحتفظ كل مستند بقسمه في كل تصدير لاحق.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start each document with -DOCSTART- (CoNLL-2003)</source>
        <translation>ابدأ كل مستند بالسطر ‎-DOCSTART-‎ (CoNLL-2003)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All annotators</source>
        <translation>كل الموسِّمين</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All labels</source>
        <translation>كل التسميات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add UTF-16 offsets (for JavaScript)</source>
        <translation>إضافة مواضع UTF-16 لاستخدامها في JavaScript</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split proclitics (wa-, fa-, bi-, ka-, li-) off words with the article</source>
        <translation>فصل السوابق (و، ف، ب، ك، ل) عن الكلمات المعرّفة بـ«ال»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records:</source>
        <translation>السجلات:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label:</source>
        <translation>التسمية:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splits:</source>
        <translation>الأقسام:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <location filename="../../annotator/ui/workspace/label_all.py" line="+38"/>
        <source>Label all occurrences</source>
        <translation>توسيم كل المواضع</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Occurrences of «%1» to label as:</source>
        <translation>مواضع «%1» المراد توسيمها بـ:</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n new occurrence(s)</source>
        <translation>
            <numerusform>لا مواضع جديدة</numerusform>
            <numerusform>موضع جديد واحد</numerusform>
            <numerusform>موضعان جديدان</numerusform>
            <numerusform>%n مواضع جديدة</numerusform>
            <numerusform>%n موضعًا جديدًا</numerusform>
            <numerusform>%n موضع جديد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelPaletteModel</name>
    <message>
        <location filename="../../annotator/ui/workspace/palette.py" line="+29"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>العدد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+45"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Log Folder</source>
        <translation>فتح مجلد ال&amp;سجلات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About annotator</source>
        <translation>&amp;حول annotator</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%n أحرف</numerusform>
            <numerusform>%n حرفًا</numerusform>
            <numerusform>%n حرف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New Project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open Project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>annotator projects (%1)</source>
        <translation>مشاريع annotator (%1)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 [read-only]</source>
        <translation>%1 [للقراءة فقط]</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server: %1</source>
        <translation>الخادم: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>annotator %1
Annotation of Arabic news for entity and event extraction.</source>
        <translation>annotator %1
توسيم الأخبار العربية لاستخراج الكيانات والأحداث.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../annotator/ui/workspace/navigation.py" line="+19"/>
        <source>Mark &amp;Done</source>
        <translation>تعليم كـ&amp;منجز</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;Skipped</source>
        <translation>تعليم كمت&amp;روك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reopen (In Progress)</source>
        <translation>إعادة ال&amp;فتح (قيد العمل)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done, Then Next &amp;Not Done</source>
        <translation>منجز، ثم التالي &amp;غير المنجز</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next No&amp;t Done</source>
        <translation>التالي غير الم&amp;نجز</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every document is done</source>
        <translation>أُنجزت كل المستندات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No more documents</source>
        <translation>لا مزيد من المستندات</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../annotator/ui/workspace/note_editor.py" line="+34"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on %1</source>
        <translation>ملاحظة على %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why, what to check, what to ask…</source>
        <translation>لماذا، وما الذي يجب التحقق منه أو السؤال عنه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unsure: check this again</source>
        <translation>&amp;غير متأكد: راجع هذا مرة أخرى</translation>
    </message>
</context>
<context>
    <name>OpenServerDialog</name>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="+45"/>
        <source>Open Server Project</source>
        <translation>فتح مشروع على خادم</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A project on a team server is a PostgreSQL database. Give its URL, or the server and the database; each fills in the other.</source>
        <translation>مشروع خادم الفريق قاعدة بيانات PostgreSQL. اكتب عنوانها (URL)، أو الخادم وقاعدة البيانات؛ وكلٌّ منهما يملأ الآخر.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;URL:</source>
        <translation>ال&amp;عنوان (URL):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server:</source>
        <translation>ال&amp;خادم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>المن&amp;فذ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;قاعدة البيانات:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User &amp;name:</source>
        <translation>اسم الم&amp;ستخدم:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>annotator never asks for nor stores your password. PostgreSQL reads it from ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows), from the file the PGPASSFILE variable names, or from a service file (pg_service.conf). A password typed into the URL is used for this session only: it is not saved, not even in the recent projects.</source>
        <translation>لا يطلب annotator كلمة المرور ولا يحفظها أبدًا. تقرؤها PostgreSQL من الملف&#xa0;⁦~/.pgpass⁩ (وفي ويندوز&#xa0;⁦%APPDATA%\postgresql\pgpass.conf⁩)، أو من الملف الذي يسمّيه المتغير&#xa0;⁦PGPASSFILE⁩، أو من ملف خدمة (⁦pg_service.conf⁩). أما كلمة المرور المكتوبة في العنوان فتُستعمل في هذه الجلسة وحدها: لا تُحفظ، ولا حتى في المشاريع الأخيرة.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Give the URL, or the server and the database.</source>
        <translation>اكتب العنوان، أو الخادم وقاعدة البيانات.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A server project&apos;s URL begins with postgresql://</source>
        <translation>يبدأ عنوان مشروع الخادم بـ ⁦postgresql://⁩</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The URL names no database.</source>
        <translation>لا يسمّي العنوان قاعدة بيانات.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Open &amp;Server Project…</source>
        <translation>فتح مشروع على &amp;خادم…</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../annotator/ui/review/progress_window.py" line="+37"/>
        <source>Progress</source>
        <translation>سير العمل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>متروك</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share done</source>
        <translation>نسبة المنجز</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time worked</source>
        <translation>وقت العمل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last change</source>
        <translation>آخر تغيير</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>%n وثائق</numerusform>
            <numerusform>%n وثيقة</numerusform>
            <numerusform>%n وثيقة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done by every annotator: %1</source>
        <translation>أنجزها كل المُعلِّمين: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n min</source>
        <translation>
            <numerusform>أقل من دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="+191"/>
        <source>You now edit the project in this window; the other window turns read-only.</source>
        <translation>أصبحت تحرّر المشروع في هذه النافذة، وتتحول النافذة الأخرى إلى القراءة فقط.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>You can look at the project here. To edit here instead, take over: the other window then turns read-only.</source>
        <translation>يمكنك الاطلاع على المشروع هنا. وللتحرير هنا بدلًا من ذلك تولَّ التحرير، فتتحول النافذة الأخرى إلى القراءة فقط.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take Over Editing</source>
        <translation>تولّي التحرير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stay Read-Only</source>
        <translation>البقاء للقراءة فقط</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 and took over editing. This window is now read-only: what you saved is safe, but changes made here are no longer saved.</source>
        <translation>%1 وتولّى التحرير. أصبحت هذه النافذة للقراءة فقط: ما حفظته في أمان، لكن التغييرات التي تُجرى هنا لم تعد تُحفظ.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Connected to the server again.</source>
        <translation>عاد الاتصال بالخادم.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server cannot be reached: changes are not saved until it is back. The window reconnects by itself.</source>
        <translation>تعذّر الوصول إلى الخادم: لن تُحفظ التغييرات حتى يعود. ستعيد النافذة الاتصال من تلقاء نفسها.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Waiting for another window to finish saving…</source>
        <translation>بانتظار أن تُنهي نافذة أخرى الحفظ…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="+46"/>
        <source>&amp;Look in:</source>
        <translation>ا&amp;بحث في:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>الملفات من ال&amp;نوع:</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="-288"/>
        <source>Take Over Editing</source>
        <translation>تولّي التحرير</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read-only: changes are not saved in this window because %1.</source>
        <translation>للقراءة فقط: لا تُحفظ التغييرات في هذه النافذة لأن %1.</translation>
    </message>
</context>
<context>
    <name>RecentProjects</name>
    <message>
        <location filename="../../annotator/ui/recent_projects.py" line="+40"/>
        <source>Open &amp;Recent</source>
        <translation>فتح م&amp;شروع حديث</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No recent projects</source>
        <translation>لا مشاريع حديثة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear List</source>
        <translation>&amp;مسح القائمة</translation>
    </message>
</context>
<context>
    <name>RecommendersPanel</name>
    <message>
        <location filename="../../annotator/ui/workspace/recommenders_panel.py" line="+105"/>
        <source>&amp;Train Now</source>
        <translation>&amp;درِّب الآن</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Confidence threshold:</source>
        <translation>عتبة الثقة:</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+30"/>
        <source>F1</source>
        <translation>مقياس F1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Held-out quality per label:</source>
        <translation>الجودة على المستندات المحجوزة لكل تسمية:</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Trained</source>
        <translation>دُرِّب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Done</source>
        <translation>أُنجزت منذئذ</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Loading the trained recommenders…</source>
        <translation>يجري تحميل المقترِحات المدرَّبة…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not trained yet: mark documents done</source>
        <translation>لم يُدرَّب بعد: علِّم مستندات منجزة</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing to learn from: no done documents</source>
        <translation>لا شيء يُتعلَّم منه: لا مستندات منجزة</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Tick to let it suggest</source>
        <translation>علِّم المربع ليقترح</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Train again after (done documents):</source>
        <translation>أعد التدريب بعد (مستندات منجزة):</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Training in the background…</source>
        <translation>يجري التدريب في الخلفية…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../annotator/ui/restore_dialog.py" line="+49"/>
        <source>Restore from Backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoring replaces %1 with the backup you choose. Its current state is backed up first, so you can go back to it the same way.</source>
        <translation>تحلّ الاستعادة النسخة الاحتياطية التي تختارها محلّ %1. وتُحفظ حالته الحالية في نسخة احتياطية أولًا، فيمكنك الرجوع إليها بالطريقة نفسها.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This project has no backups yet.</source>
        <translation>لا توجد نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore</source>
        <translation>ا&amp;ستعادة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Taken</source>
        <translation>تاريخ النسخ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 KB</source>
        <translation>%1 ك.بايت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intact</source>
        <translation>سليمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>damaged: cannot be restored</source>
        <translation>تالفة: لا يمكن استعادتها</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Restored from the backup.</source>
        <translation>استُعيد المشروع من النسخة الاحتياطية.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Restore the Latest Good Backup</source>
        <translation>استعادة أحدث نسخة احتياطية سليمة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing was restored: %1</source>
        <translation>لم يُستعد شيء: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore from Backup…</source>
        <translation>الاستعادة من &amp;نسخة احتياطية…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A server project is restored by its server&apos;s administrator.</source>
        <translation>يستعيد مديرُ الخادم مشروعَ الخادم.</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <location filename="../../annotator/ui/review/__init__.py" line="+135"/>
        <source>New assignments: %1</source>
        <translation>إسنادات جديدة: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge Project Files</source>
        <translation>دمج ملفات المشاريع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>annotator projects (*.annproj)</source>
        <translation>مشاريع annotator (*.annproj)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Agreement…</source>
        <translation>ا&amp;لاتفاق بين الموسِّمين…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;djudicate Document…</source>
        <translation>&amp;تحكيم المستند…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Progress…</source>
        <translation>&amp;سير العمل…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;ssign Documents…</source>
        <translation>إ&amp;سناد المستندات…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge Project Files…</source>
        <translation>&amp;دمج ملفات المشاريع…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="+44"/>
        <source>Text to find in every document…</source>
        <translation>نص للبحث عنه في كل المستندات…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any label</source>
        <translation>أي تسمية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any annotator</source>
        <translation>أي موسِّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no one else</source>
        <translation>لا أحد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole span</source>
        <translation>المقطع كاملًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A span&apos;s whole text must be the query</source>
        <translation>يجب أن يكون نص المقطع كله هو عبارة البحث</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Label:</source>
        <translation>التسمية:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lacking in:</source>
        <translation>غائب عند:</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجةً</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the first ones only: narrow the search)</source>
        <translation>(الأولى فقط: ضيّق البحث)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search Project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search &amp;Project…</source>
        <translation>البحث في ال&amp;مشروع…</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../annotator/ui/messages.py" line="+36"/>
        <source>%1: no such project file</source>
        <translation>%1: لا يوجد ملف مشروع بهذا الاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not an annotator project.</source>
        <translation>%1 ليس مشروعًا من مشاريع annotator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was written by a newer version of annotator (file format %2; this version reads up to %3). Please upgrade annotator.</source>
        <translation>%1 كتبه إصدار أحدث من annotator (صيغة الملف %2، وهذا الإصدار يقرأ حتى %3). يُرجى تحديث annotator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an annotator project: the database is empty or holds another program&apos;s tables. Nothing was changed in it.</source>
        <translation>%1 ليس مشروعًا من مشاريع annotator: قاعدة البيانات فارغة أو فيها جداول برنامج آخر. لم يُغيَّر فيها شيء.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was written by a newer version of annotator (format %2; this version reads up to %3). Please upgrade annotator.</source>
        <translation>%1 كتبه إصدار أحدث من annotator (الصيغة %2، وهذا الإصدار يقرأ حتى %3). يُرجى تحديث annotator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot connect to the server of %1. Check the address, that the server is running and that your computer can reach it.

The server said: %2</source>
        <translation>تعذّر الاتصال بخادم %1. تحقّق من العنوان، ومن أن الخادم يعمل، ومن أن حاسوبك يصل إليه.

قال الخادم: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; nothing changed.</source>
        <translation>أُلغي الاستيراد؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export cancelled; nothing written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 writes a folder of files: give a folder name.</source>
        <translation>‏%1 يكتب مجلدًا من الملفات: أعطِ اسم مجلد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: no such file or folder</source>
        <translation>%1: لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists and is not an empty folder.</source>
        <translation>%1 موجود وليس مجلدًا فارغًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the folder %2 does not exist.</source>
        <translation>%1: المجلد %2 غير موجود.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be written: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is the open project: a project cannot be merged into itself.</source>
        <translation>%1 هو المشروع المفتوح: لا يُدمج مشروع في نفسه.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Import refused, project unchanged (%n problem(s)):</source>
        <translation>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر:</numerusform>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر (مشكلة واحدة):</numerusform>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر (مشكلتان):</numerusform>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر (%n مشكلات):</numerusform>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر (%n مشكلة):</numerusform>
            <numerusform>رُفض الاستيراد، والمشروع لم يتغيّر (%n مشكلة):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>لا أحد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement needs at least two annotators (here: %1).</source>
        <translation>يحتاج الاتفاق إلى مُعلِّمَين على الأقل (هنا: %1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported %1, %2, %3</source>
        <translation>استُورد: %1، %2، %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>%n وثائق</numerusform>
            <numerusform>%n وثيقة</numerusform>
            <numerusform>%n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>لا أحداث</numerusform>
            <numerusform>حدث واحد</numerusform>
            <numerusform>حدثان</numerusform>
            <numerusform>%n أحداث</numerusform>
            <numerusform>%n حدثًا</numerusform>
            <numerusform>%n حدث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; annotations added to %n existing document(s)</source>
        <translation>
            <numerusform>؛ ولم تُضف توسيمات إلى وثائق موجودة</numerusform>
            <numerusform>؛ وأُضيفت توسيمات إلى وثيقة موجودة</numerusform>
            <numerusform>؛ وأُضيفت توسيمات إلى وثيقتين موجودتين</numerusform>
            <numerusform>؛ وأُضيفت توسيمات إلى %n وثائق موجودة</numerusform>
            <numerusform>؛ وأُضيفت توسيمات إلى %n وثيقة موجودة</numerusform>
            <numerusform>؛ وأُضيفت توسيمات إلى %n وثيقة موجودة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n annotator note(s) or unsure flag(s)</source>
        <translation>
            <numerusform>؛ ولا ملاحظات ولا علامات «غير متأكد»</numerusform>
            <numerusform>؛ وملاحظة واحدة أو علامة «غير متأكد»</numerusform>
            <numerusform>؛ وملاحظتان أو علامتا «غير متأكد»</numerusform>
            <numerusform>؛ و%n ملاحظات أو علامات «غير متأكد»</numerusform>
            <numerusform>؛ و%n ملاحظة أو علامة «غير متأكد»</numerusform>
            <numerusform>؛ و%n ملاحظة أو علامة «غير متأكد»</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>skipped (invalid)</source>
        <translation>تُرك (غير صالح)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped (duplicate)</source>
        <translation>تُرك (مكرر)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped (empty)</source>
        <translation>تُرك (فارغ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text cleaned</source>
        <translation>نُظِّف النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored</source>
        <translation>أُهمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept in meta</source>
        <translation>حُفظ في البيانات الوصفية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>لم يُصدَّر أي سجل إلى %1</numerusform>
            <numerusform>صُدِّر سجل واحد إلى %1</numerusform>
            <numerusform>صُدِّر سجلان إلى %1</numerusform>
            <numerusform>صُدِّرت %n سجلات إلى %1</numerusform>
            <numerusform>صُدِّر %n سجلًا إلى %1</numerusform>
            <numerusform>صُدِّر %n سجل إلى %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 already has this project open in another window on this computer (process %2, since %3 UTC)</source>
        <translation>%1 فتح هذا المشروع في نافذة أخرى على هذا الحاسوب (العملية %2، منذ %3 UTC)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already has this project open in another window on %4 (process %2, since %3 UTC)</source>
        <translation>%1 فتح هذا المشروع في نافذة أخرى على %4 (العملية %2، منذ %3 UTC)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n token(s) split at annotation boundaries</source>
        <translation>
            <numerusform>لم تُقسم أي وحدة عند حدود التوسيمات</numerusform>
            <numerusform>قُسمت وحدة واحدة عند حدود التوسيمات</numerusform>
            <numerusform>قُسمت وحدتان عند حدود التوسيمات</numerusform>
            <numerusform>قُسمت %n وحدات عند حدود التوسيمات</numerusform>
            <numerusform>قُسمت %n وحدة عند حدود التوسيمات</numerusform>
            <numerusform>قُسمت %n وحدة عند حدود التوسيمات</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: %1</source>
        <translation>تنبيه: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="+81"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your name as it is stored with your work</source>
        <translation>اسمك كما يُحفظ مع عملك</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language (%1)</source>
        <translation>لغة النظام (%1)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The new language is used the next time annotator starts.</source>
        <translation>تُستخدم اللغة الجديدة عند تشغيل annotator في المرة القادمة.</translation>
    </message>
    <message>
        <location line="-85"/>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extend selections to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Annotator name:</source>
        <translation>اسم ال&amp;موسِّم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;لغة الواجهة:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading &amp;font:</source>
        <translation>&amp;خط القراءة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font &amp;size:</source>
        <translation>&amp;حجم الخط:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selection:</source>
        <translation>التحديد:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups kept:</source>
        <translation>عدد النسخ الا&amp;حتياطية المحفوظة:</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>&amp;Preferences…</source>
        <translation>التف&amp;ضيلات…</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../annotator/ui/shortcuts_sheet.py" line="+68"/>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter commands or keys…</source>
        <translation>صفِّ الأوامر أو المفاتيح…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpanGuard</name>
    <message>
        <location filename="../../annotator/ui/workspace/span_guard.py" line="+30"/>
        <source>It crosses a paragraph break.</source>
        <translation>يتجاوز فاصل فقرة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is longer than the %1 characters the schema allows.</source>
        <translation>أطول من %1 حرفًا يسمح بها المخطط.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label %1 characters as %2?</source>
        <translation>توسيم %1 حرفًا بـ %2؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label a long span?</source>
        <translation>توسيم مقطع طويل؟</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="+130"/>
        <source>%1 (person)</source>
        <translation>%1 (شخص)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_mouse.py" line="+92"/>
        <source>&amp;Accept %1 (%2)</source>
        <translation>&amp;قبول %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="-46"/>
        <source>&amp;Accept Suggestion at Cursor</source>
        <translation>&amp;قبول الاقتراح عند المؤشر</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Next Suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_mouse.py" line="+5"/>
        <source>&amp;Reject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="-7"/>
        <source>&amp;Reject Suggestion at Cursor</source>
        <translation>&amp;رفض الاقتراح عند المؤشر</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>&amp;Sources</source>
        <translation>ال&amp;مصادر</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Suggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_mouse.py" line="+2"/>
        <source>Accept &amp;As</source>
        <translation>قبول &amp;بوسم آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="+34"/>
        <source>Accept A&amp;ll in Document</source>
        <translation>قبول ال&amp;كل في المستند</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>Add argument %1: «%2» (%3)</source>
        <translation>إضافة مشارك بدور %1: «%2» (%3)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_mouse.py" line="-69"/>
        <source>Confidence: %1</source>
        <translation>الثقة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="-151"/>
        <source>Include Other &amp;Annotators (Reviewing)</source>
        <translation>تضمين ال&amp;موسِّمين الآخرين (للمراجعة)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No model annotators in this project</source>
        <translation>لا موسِّم من نوع نموذج في هذا المشروع</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No suggestion at the cursor</source>
        <translation>لا اقتراح عند المؤشر</translation>
    </message>
    <message>
        <location line="+75"/>
        <location line="+9"/>
        <source>No suggestions in this document</source>
        <translation>لا اقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Reject All in &amp;Document</source>
        <translation>رفض الكل في ال&amp;مستند</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>S&amp;how Suggestions</source>
        <translation>&amp;عرض الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_mouse.py" line="-4"/>
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Suggestion: %1 «%2»</source>
        <translation>اقتراح: %1 «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/suggestion_view.py" line="+284"/>
        <source>event</source>
        <translation>حدث</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../annotator/ui/workspace/__init__.py" line="+118"/>
        <source>Recommenders</source>
        <translation>المقترِحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/command_texts.py" line="+35"/>
        <source>Accept %1 suggestions</source>
        <translation>قبول الاقتراحات (%1)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Accept suggestion of %1 as %2</source>
        <translation>قبول اقتراح %1 بوسم %2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Note on %1</source>
        <translation>ملاحظة على %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag %1 as unsure</source>
        <translation>وضع علامة «غير متأكد» على %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reject %1 suggestions</source>
        <translation>رفض الاقتراحات (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>متروك</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Reject suggestion %1</source>
        <translation>رفض الاقتراح %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/workspace.py" line="+151"/>
        <location line="+3"/>
        <location line="+14"/>
        <location line="+6"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Not saved: the annotation was changed elsewhere; the document has been read again.</source>
        <translation>لم يُحفظ: عُدِّل التوسيم في مكان آخر، فأُعيدت قراءة المستند.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/command_texts.py" line="-5"/>
        <source>Mark document %1</source>
        <translation>تعليم المستند: %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Relabel «%1» as %2</source>
        <translation>إعادة توسيم «%1» بـ %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/workspace.py" line="+148"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This schema does not allow overlapping spans</source>
        <translation>لا يسمح هذا المخطط بتداخل المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/command_texts.py" line="-3"/>
        <source>Label «%1» as %2</source>
        <translation>توسيم «%1» بـ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove «%1»</source>
        <translation>إزالة «%1»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove event %1</source>
        <translation>إزالة الحدث %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add %1 spans</source>
        <translation>إضافة %1 من المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/workspace.py" line="+54"/>
        <source>Select the trigger word first</source>
        <translation>حدّد الكلمة المحفِّزة أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/command_texts.py" line="+5"/>
        <source>Change event type to %1</source>
        <translation>تغيير نوع الحدث إلى %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Mark event %1</source>
        <translation>تعليم الحدث %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add argument %1</source>
        <translation>إضافة مشارك بدور %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove argument %1</source>
        <translation>إزالة المشارك %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role to %1</source>
        <translation>تغيير الدور إلى %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/__init__.py" line="-4"/>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guideline</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Switch &amp;Annotator…</source>
        <translation>تبديل ال&amp;موسِّم…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Show Argument A&amp;rcs</source>
        <translation>إظهار أقواس الأ&amp;دوار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/annotator_choice.py" line="+19"/>
        <location line="+10"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Your name as an annotator (your annotations are kept under it):</source>
        <translation>اسمك بصفتك موسِّمًا (تُحفظ توسيماتك باسمك):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/find_bar.py" line="-44"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/keys.py" line="+34"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Label Selection As</source>
        <translation>توسيم التحديد &amp;بـ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;Event…</source>
        <translation>تعليم &amp;حدث…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trim Leading Proclitic</source>
        <translation>حذف ال&amp;سابقة من البداية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Annotation</source>
        <translation>ح&amp;ذف التوسيم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Selection</source>
        <translation>إ&amp;لغاء التحديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select Ne&amp;xt Annotation</source>
        <translation>تحديد التوسيم التال&amp;ي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select Pre&amp;vious Annotation</source>
        <translation>تحديد التوسيم الساب&amp;ق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snap Selections to &amp;Words</source>
        <translation>توسيع التحديد إلى &amp;كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/label_all.py" line="+37"/>
        <source>Label &amp;All Occurrences…</source>
        <translation>توسيم كل ال&amp;مواضع…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a span or some text first</source>
        <translation>حدّد مقطعًا أو نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/mouse.py" line="+20"/>
        <source>annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 of %2</source>
        <translation>%1 في %2</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>%1 has no role for a %2</source>
        <translation>لا دور في %1 يقبل %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/argument_keys.py" line="+158"/>
        <source>Argument «%1» of %2 — %3 (Enter: %4, Esc: cancel)</source>
        <translation>الدور لـ«%1» في %2 — %3 (Enter: %4، Esc: إلغاء)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/workspace/notes.py" line="+36"/>
        <source>&amp;Note…</source>
        <translation>&amp;ملاحظة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag as &amp;Unsure</source>
        <translation>علامة «غير &amp;متأكد»</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/workspace/command_texts.py" line="+33"/>
        <source>Label %n occurrence(s) of «%1» as %2</source>
        <translation>
            <numerusform>لا مواضع لـ«%1» لتوسيمها بـ %2</numerusform>
            <numerusform>توسيم موضع واحد لـ«%1» بـ %2</numerusform>
            <numerusform>توسيم موضعين لـ«%1» بـ %2</numerusform>
            <numerusform>توسيم %n مواضع لـ«%1» بـ %2</numerusform>
            <numerusform>توسيم %n موضعًا لـ«%1» بـ %2</numerusform>
            <numerusform>توسيم %n موضع لـ«%1» بـ %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../annotator/ui/errors.py" line="+31"/>
        <source>Something went wrong: %1</source>
        <translation>حدث خطأ: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your saved work is safe. Details were written to %1</source>
        <translation>عملك المحفوظ في أمان. كُتبت التفاصيل في %1</translation>
    </message>
</context>
</TS>
