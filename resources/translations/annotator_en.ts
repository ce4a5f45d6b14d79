<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImportExport</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/import_export.py" line="+210"/>
        <source>%n item(s) to review; see the details.</source>
        <translation>
            <numerusform>%n item to review; see the details.</numerusform>
            <numerusform>%n items to review; see the details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/messages.py" line="+49"/>
        <source>Import refused, project unchanged (%n problem(s)):</source>
        <translation>
            <numerusform>Import refused, project unchanged (%n problem):</numerusform>
            <numerusform>Import refused, project unchanged (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; annotations added to %n existing document(s)</source>
        <translation>
            <numerusform>; annotations added to %n existing document</numerusform>
            <numerusform>; annotations added to %n existing documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
