package org.onevisit.catalog.internal.web;

import java.io.StringReader;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleMaterial;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.ImplementationDifference;
import org.onevisit.catalog.CatalogueIndicators;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalogue", description = "Service guides, one-thing bundles and the reform's catalogue indicators")
class CatalogueApiController {

	private final Catalogue catalogue;

	private final CatalogueAdministration administration;

	private final Guides guides;

	CatalogueApiController(Catalogue catalogue, CatalogueAdministration administration, Guides guides) {
		this.catalogue = catalogue;
		this.administration = administration;
		this.guides = guides;
	}

	record ItemSummary(String code, String name, String department, String departmentName) {
	}

	record MaterialGuide(String code, String name, String source, String dataElement, String licenceType,
			String waivedReason, String howObtained, List<String> neededBy) {
	}

	record Limits(int statutory, int committed) {
	}

	record FeeGuide(String name, BigDecimal amount, String unit, String basis) {
	}

	record ItemGuide(String code, int version, String name, String department, String departmentName, String region,
			boolean citywide, List<String> legalBasis, List<String> conditions, List<FeeGuide> fees, Limits limits,
			String channels, int visits, boolean onTheSpot, String licence, int materialsBefore,
			Map<String, Object> form, List<MaterialGuide> materials, List<String> applicants) {
	}

	record BundleGuide(String code, int version, String name, String description, List<ItemSummary> items,
			Map<String, Object> form, List<MaterialGuide> materials) {
	}

	@GetMapping("/api/v1/items")
	@Operation(
			summary = "Guides ranked for a query in the citizen's own words (items and bundles); all items without q")
	List<?> items(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		if (q == null || q.isBlank()) {
			// one read of the departments for the whole list, not one per item
			Map<String, String> names = this.guides.departmentNames();
			return this.catalogue.publishedItems()
				.stream()
				.map((item) -> new ItemSummary(item.code(), item.name(), item.departmentCode(),
						names.getOrDefault(item.departmentCode(), item.departmentCode())))
				.toList();
		}
		return this.catalogue.search(q, limit);
	}

	@GetMapping("/api/v1/items/{code}")
	@Operation(summary = "The guide of one item: the published version, or a given one")
	ItemGuide item(@PathVariable String code, @RequestParam(required = false) Integer version, Locale locale) {
		Versioned<ServiceItem> found = (version != null) ? this.catalogue.item(code, version)
				: this.catalogue.item(code);
		ServiceItem item = found.content();
		return new ItemGuide(item.code(), found.version(), item.name(), item.departmentCode(),
				this.guides.departmentName(item.departmentCode()), item.regionCode(), item.citywide(),
				item.legalBasis(), item.conditions(),
				item.fees()
					.stream()
					.map((fee) -> new FeeGuide(fee.name(), fee.amount(), fee.unit(), fee.basis()))
					.toList(),
				new Limits(item.statutoryLimit(), item.committedLimit()), item.channels().name(), item.visits(),
				item.onTheSpot(), item.licenceType(), item.materialsBefore(), Guides.schema(item.form().fields()),
				item.materials().stream().map((material) -> guide(material, List.of(item.code()), locale)).toList(),
				// who may apply (服务对象): person, business
				item.applicants().stream().map((kind) -> kind.name().toLowerCase(Locale.ROOT)).toList());
	}

	@GetMapping("/api/v1/bundles")
	@Operation(summary = "All published one-thing bundles")
	List<ItemSummary> bundles() {
		return this.catalogue.publishedBundles()
			.stream()
			.map((bundle) -> new ItemSummary(bundle.code(), bundle.name(), null, null))
			.toList();
	}

	@GetMapping("/api/v1/bundles/{code}")
	@Operation(summary = "A bundle with its one merged form, its items and its de-duplicated materials")
	BundleGuide bundle(@PathVariable String code, @RequestParam(required = false) Integer version, Locale locale) {
		Versioned<Bundle> found = (version != null) ? this.catalogue.bundle(code, version)
				: this.catalogue.bundle(code);
		Bundle bundle = found.content();
		List<ItemSummary> items = this.catalogue.itemsOf(bundle)
			.stream()
			.map((item) -> new ItemSummary(item.code(), item.name(), item.departmentCode(),
					this.guides.departmentName(item.departmentCode())))
			.toList();
		List<MaterialGuide> materials = this.catalogue.materialsOf(bundle)
			.stream()
			.map((material) -> guide(material, locale))
			.toList();
		return new BundleGuide(bundle.code(), found.version(), bundle.name(), bundle.description(), items,
				Guides.bundleSchema(bundle.fields()), materials);
	}

	@GetMapping("/api/v1/catalogue/indicators")
	@Operation(summary = "The reform's indicators computed from the published catalogue")
	CatalogueIndicators indicators() {
		return this.catalogue.indicators();
	}

	@GetMapping(value = "/api/v1/admin/catalogue", produces = "application/yaml")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Export the published catalogue in the catalogue file format")
	String export() {
		return this.administration.exportCatalogue();
	}

	@PostMapping(value = "/api/v1/admin/catalogue", consumes = { "application/yaml", MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import a whole catalogue, all or nothing; 422 with every problem when invalid")
	ResponseEntity<ImportReport> importCatalogue(@RequestBody String yaml, Principal user) {
		return ResponseEntity
			.ok(this.administration.importCatalogue("upload.yaml", new StringReader(yaml), user.getName()));
	}

	@GetMapping("/api/v1/admin/catalogue/differences")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Where regions' implementations of one basic item differ (same item everywhere), "
			+ "each marked allowed or not by the province")
	List<ImplementationDifference> differences() {
		return this.administration.differences();
	}

	private MaterialGuide guide(Material material, List<String> neededBy, Locale locale) {
		return new MaterialGuide(material.code(), material.name(), material.source().name(), material.dataElement(),
				material.licenceType(), material.waivedReason(), this.guides.howObtained(material, locale), neededBy);
	}

	private MaterialGuide guide(BundleMaterial material, Locale locale) {
		return guide(material.material(), material.itemCodes(), locale);
	}

}
