// Azure resources for the meeting follow-up bot: a user-assigned managed identity (the bot's identity and
// its key-less access to storage), a storage account with the bot's tables, App Service on Linux (Node 20),
// Application Insights on a Log Analytics workspace, and the Azure Bot registration with the Teams channel.
// Every parameter is explained in docs/deployment.md.

@minLength(4)
@maxLength(20)
@description('Lower-case letters, digits and hyphens; the base of every resource name (e.g. followup-dev).')
param resourceBaseName string

@description('Azure region of the resources (the bot registration itself is global).')
param location string = resourceGroup().location

@description('App Service plan size. The scheduler needs Always On, which the free tier lacks.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@description('Runtime stack of the web app.')
param linuxFxVersion string = 'NODE|20-lts'

@maxLength(42)
@description('Name of the bot shown in the Azure portal and the Bot Framework.')
param botDisplayName string

@description('Azure Bot pricing tier; the Teams channel is a standard channel (free on F0).')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Replication of the storage account that holds the tables.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@description('Comma-separated Microsoft Entra tenant ids whose Teams activities the bot accepts; empty = the deployment tenant.')
param allowedTenants string = ''

@description('Log level of the service.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

@minValue(30)
@maxValue(730)
@description('Days the Log Analytics workspace keeps logs.')
param logRetentionDays int = 90

@description('Tags put on every resource, e.g. cost centre.')
param tags object = {}

// The tables the service uses (src/store/tables/context.ts TABLE_NAMES); the service also creates missing ones.
var tableNames = [
  'forums'
  'forumindex'
  'conversations'
  'meetings'
  'decisions'
  'responses'
  'followups'
  'followupsbyuser'
  'cascade'
  'jobs'
  'jobids'
  'jobsdue'
  'posted'
  'audit'
]

var baseName = toLower(resourceBaseName)
var identityName = '${baseName}-id'
var planName = '${baseName}-plan'
var webAppName = '${baseName}-${uniqueString(resourceGroup().id)}'
var storageAccountName = take('st${replace(baseName, '-', '')}${uniqueString(resourceGroup().id)}', 24)
var workspaceName = '${baseName}-logs'
var appInsightsName = '${baseName}-insights'
var botServiceName = '${baseName}-bot'
var effectiveTenants = empty(allowedTenants) ? tenant().tenantId : allowedTenants

// Storage Table Data Contributor: read, write and delete tables and entities, nothing else.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// App settings live in their own resource so they can use the web app's host name.
// No keys: storage is reached with the managed identity (AZURE_CLIENT_ID), and so is the Bot Connector.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppTenantId: identity.properties.tenantId
    AZURE_CLIENT_ID: identity.properties.clientId
    AZURE_STORAGE_ACCOUNT_URL: 'https://${storage.name}.table.${environment().suffixes.storage}'
    ALLOWED_TENANTS: effectiveTenants
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    LOG_LEVEL: logLevel
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  }
}

// Console output (the service's JSON log lines), HTTP and platform logs go to the workspace.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

module botRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: botServiceName
    botDisplayName: botDisplayName
    botServiceSku: botServiceSku
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    tags: tags
  }
}

// The toolkit writes these outputs into env/.env.<environment>; npm run package reads BOT_ID and BOT_DOMAIN.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_SERVICE_NAME string = botRegistration.outputs.botServiceName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_STORAGE_ACCOUNT_URL string = 'https://${storage.name}.table.${environment().suffixes.storage}'
output APPLICATIONINSIGHTS_NAME string = appInsights.name
