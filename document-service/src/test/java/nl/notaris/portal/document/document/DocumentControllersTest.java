package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;


/** The rules of the document endpoints, in seconds; the integration tests wire the real storage. */
@WebMvcTest(controllers = { ClientDocumentController.class, StaffDocumentController.class })
class DocumentControllersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DocumentService documents;
    @MockitoBean
    UnreadDocuments unread;

    @Test
    void anonymousIs401AndClientsCannotPublish() throws Exception {
        mvc.perform(get("/api/dossiers/d1/documents")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("title", "T")
                .param("category", "DOCUMENT").with(ANNA.token())).andExpect(status().isForbidden());
        verifyNoInteractions(documents);
    }

    @Test
    void aTabIsPagedWithTheSharedParametersAndCorrespondenceByDefault() throws Exception {
        given(documents.list(any(), eq("d1"), any(), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(1, 30), 0));
        mvc.perform(get("/api/dossiers/d1/documents").param("page", "1").param("size", "30").with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page").value(1));
        verify(documents).list(any(), eq("d1"), eq(Category.CORRESPONDENCE), eq(PageRequest.of(1, 30)));
    }

    @Test
    void badParametersNameTheField() throws Exception {
        mvc.perform(get("/api/dossiers/d1/documents").param("category", "LETTER").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/api/dossiers/d1/documents").param("size", "0").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("category", "DOCUMENT")
                .with(STAFF.token())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("title", "T")
                .param("category", "DELIVERED").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void staffDocumentRoutesAreTheOfficesAlone() throws Exception {
        mvc.perform(post("/api/staff/dossiers/d1/documents").contentType(MediaType.APPLICATION_JSON)
                .content("{\"uploadId\":\"u1\",\"title\":\"T\",\"category\":\"DOCUMENT\"}").with(ANNA.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/staff/dossiers/d1/documents").param("category", "DELIVERED").with(ANNA.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/documents/doc1/content").with(ANNA.token())).andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/documents/doc1/content")).andExpect(status().isUnauthorized());
        verifyNoInteractions(documents);
    }

    @Test
    void publishingAnUploadChecksTitleCategoryAndBodyBeforeAnything() throws Exception {
        for (String[] bad : new String[][] {
                { "{\"uploadId\":\"u1\",\"category\":\"DOCUMENT\"}", "title" },
                { "{\"uploadId\":\"u1\",\"title\":\"" + "x".repeat(201) + "\",\"category\":\"DOCUMENT\"}", "title" },
                { "{\"uploadId\":\"u1\",\"title\":\"T\",\"category\":\"LETTER\"}", "category" },
                { "{\"uploadId\":\"u1\",\"title\":\"T\",\"category\":\"DELIVERED\"}", "category" },
                { "{\"uploadId\":\"u1\",\"title\":\"T\"}", "category" } }) {
            mvc.perform(post("/api/staff/dossiers/d1/documents").contentType(MediaType.APPLICATION_JSON).content(bad[0])
                    .with(STAFF.token()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(post("/api/staff/dossiers/d1/documents").contentType(MediaType.APPLICATION_JSON).content("[")
                .with(STAFF.token())).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/staff/dossiers/d1/documents").contentType(MediaType.TEXT_PLAIN).content("x")
                .with(STAFF.token())).andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(documents);

        given(documents.publishUpload(any(), eq("d1"), eq("u1"), eq("Akte"), eq(Category.CORRESPONDENCE)))
                .willReturn(PublishedDocument.fromUpload("u1", "d1", "Akte", Category.CORRESPONDENCE, "akte.pdf",
                        "application/pdf", 10, "s1-back-office", java.time.Instant.parse("2026-03-01T10:00:00Z")));
        mvc.perform(post("/api/staff/dossiers/d1/documents").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uploadId\":\"u1\",\"title\":\"Akte\",\"category\":\"correspondence\"}")
                        .with(STAFF.token()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("u1")).andExpect(jsonPath("$.category").value("CORRESPONDENCE"))
                .andExpect(jsonPath("$.publishedBy").doesNotExist());
    }

    @Test
    void theStaffListIsWhatClientsDeliveredUnlessACategoryIsAsked() throws Exception {
        given(documents.listForStaff(any(), eq("d1"), any(), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));
        mvc.perform(get("/api/staff/dossiers/d1/documents").with(STAFF.token())).andExpect(status().isOk());
        verify(documents).listForStaff(any(), eq("d1"), eq(Category.DELIVERED), any());
        mvc.perform(get("/api/staff/dossiers/d1/documents").param("category", "document").with(STAFF.token()))
                .andExpect(status().isOk());
        verify(documents).listForStaff(any(), eq("d1"), eq(Category.DOCUMENT), any());
        mvc.perform(get("/api/staff/dossiers/d1/documents").param("category", "LETTER").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4".getBytes());
    }
}
