<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="+126"/>
        <source>Filter by title…</source>
        <translation>تصفية حسب العنوان…</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location line="-94"/>
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
        <location line="+9"/>
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
    <name>ImportExport</name>
    <message>
        <location filename="../../annotator/ui/import_export.py" line="+25"/>
        <source>Texts and JSONL (*.txt *.jsonl *.ndjson);;All files (*)</source>
        <translation>النصوص وملفات JSONL (*.txt *.jsonl *.ndjson);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+28"/>
        <source>Open or create a project first.</source>
        <translation>افتح مشروعًا أو أنشئ مشروعًا جديدًا أولًا.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import cancelled; nothing changed.</source>
        <translation>أُلغي الاستيراد؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export cancelled; nothing written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export to folder</source>
        <translation>تصدير إلى مجلد</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../annotator/ui/import_export_dialogs.py" line="+98"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
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
        <location filename="../../annotator/ui/import_export_dialogs.py" line="-73"/>
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
        <source>brat standoff (folder)</source>
        <translation>brat standoff (مجلد)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Import</source>
        <translation>استيراد</translation>
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
        <location line="+40"/>
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Text encoding:</source>
        <translation>ترميز النص:</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+3"/>
        <source>Split clitics (و ف ب ك ل before ال) into tokens</source>
        <translation>فصل السوابق (و ف ب ك ل قبل ال) إلى وحدات مستقلة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+37"/>
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
        <location line="+27"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message>
        <location line="+45"/>
        <source>%1 characters</source>
        <translation>عدد الأحرف: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New Project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open Project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>annotator projects (%1)</source>
        <translation>مشاريع annotator (%1)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>annotator %1
Annotation of Arabic news for entity and event extraction.</source>
        <translation>annotator %1
توسيم الأخبار العربية لاستخراج الكيانات والأحداث.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="+75"/>
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
        <location line="+5"/>
        <source>The new language is used the next time annotator starts.</source>
        <translation>تُستخدم اللغة الجديدة عند تشغيل annotator في المرة القادمة.</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+89"/>
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../annotator/ui/errors.py" line="+28"/>
        <source>Something went wrong: %1</source>
        <translation>حدث خطأ: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your saved work is safe. Details were written to %1</source>
        <translation>عملك المحفوظ في أمان. كُتبت التفاصيل في %1</translation>
    </message>
</context>
</TS>
