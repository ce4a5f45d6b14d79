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
        <location line="+28"/>
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
        <location line="+32"/>
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
