package jp.tenken.web;

import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadedFilesTest {

    @Test
    void aFormWithoutAFileIsRefusedNamingTheFieldWithThePagesMessage() {
        assertEquals("", UploadedFiles.name(null));
        DocumentRejectedException refused = assertThrows(DocumentRejectedException.class,
                () -> UploadedFiles.bytes(null, "evaluation.file.required"));
        assertEquals("file", refused.problems().get(0).path());
        assertEquals("評価のファイルを選んでください", refused.problems().get(0).message(Language.JA));
    }

    @Test
    void jsonAndYamlNamesAreReadAnyOtherIsRefusedNamingTheFile() {
        assertEquals(DocumentFormat.JSON, UploadedFiles.format("plan.JSON"));
        assertEquals(DocumentFormat.YAML, UploadedFiles.format("plan.yml"));
        assertEquals(DocumentFormat.YAML, UploadedFiles.format("評価.yaml"));
        DocumentRejectedException refused = assertThrows(DocumentRejectedException.class, () -> UploadedFiles.format("plan.txt"));
        assertEquals("file", refused.problems().get(0).path());
        assertTrue(refused.problems().get(0).message(Language.JA).contains("「plan.txt」"));
        assertTrue(UploadedFiles.isWorkbook("計画.XLSX"));
        assertFalse(UploadedFiles.isWorkbook("plan.xls"));
    }
}
