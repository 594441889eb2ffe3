<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Mail.subject_line ?></title>
</head>
<body style="margin:0;padding:16px;font-family:sans-serif;line-height:1.6;color:#1a1a1a;background:#fff">
<div style="max-width:40em;margin:0 auto">
<p style="margin:0 0 1em;font-weight:bold"><?cs var:L.site.name ?> <?cs var:L.site.portal ?></p>
