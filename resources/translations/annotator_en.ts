<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImportExport</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/import_export.py" line="+202"/>
        <source>%n item(s) to review; see the details.</source>
        <translation>
            <numerusform>%n item to review; see the details.</numerusform>
            <numerusform>%n items to review; see the details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/search_panel.py" line="+172"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
</TS>
